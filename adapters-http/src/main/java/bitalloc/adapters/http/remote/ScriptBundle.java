package bitalloc.adapters.http.remote;

import io.vavr.collection.List;

/** The files bitalloc pushes to home when the game connects (the in-game scripts, and anything generated). */
public record ScriptBundle(List<ScriptFile> files) {
}
