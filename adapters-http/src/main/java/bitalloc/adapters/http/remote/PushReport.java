package bitalloc.adapters.http.remote;

import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;

/** How pushing the scripts to a connected game went. */
public sealed interface PushReport {

    /** The RAM per thread the game calculated for one pushed script. */
    record ScriptRam(String filename, Ram ramPerThread) {
    }

    /** Every file is on the server, and the game told each script's RAM. */
    record Installed(String server, List<ScriptRam> scripts) implements PushReport {
    }

    /** A step failed: which method, for which file (empty for getFileNames), and the game's words. */
    record Failed(String method, String filename, String error) implements PushReport {
    }
}
