package bitalloc.adapters.cli;

import java.net.URI;

/** What {@code serve} tells the player at start: where it listens, where the token is, how to install. */
final class ServeText {

    private ServeText() {
    }

    static String started(LiveAccess.Serving serving, String bind) {
        URI url = serving.url();
        String n = System.lineSeparator();
        return "bitalloc serves the live game at " + url + "/api/v1" + n
                + "  bearer token: " + serving.tokenFile() + " (every call that changes state needs it)" + n
                + n
                + "Install the in-game scripts through the Remote API:" + n
                + "  in the game, Options > Remote API: hostname " + remoteHost(bind) + ", port "
                + serving.remoteApiPort() + ", Connect." + n
                + "  bitalloc pushes its scripts to home (bitalloc/config.js carries this URL and the token);" + n
                + "  then type in the game's terminal:  run bitalloc/agent.js" + n
                + n
                + "Or install them by hand: the same scripts, config.js filled in, are in" + n
                + "  " + serving.scriptsDirectory() + n
                + "  create each on home under the same path (e.g. nano bitalloc/agent.js, paste, save), or edit"
                + " only" + n
                + "  bitalloc/config.js:  BITALLOC_URL = \"" + url + "\" and BITALLOC_TOKEN = the text of the token"
                + " file." + n
                + n
                + "Stop with Ctrl-C or SIGTERM: the history is flushed and the store closed." + n;
    }

    /** The game's field takes a host name or address without scheme or port; a wildcard bind means this machine. */
    private static String remoteHost(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") ? "localhost" : bind;
    }
}
