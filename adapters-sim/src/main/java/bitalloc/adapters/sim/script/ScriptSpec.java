package bitalloc.adapters.sim.script;

import bitalloc.domain.ram.Ram;

/** A script file present on every host, with the per-thread RAM the game's static calculator gives it. */
public record ScriptSpec(String name, Ram ramPerThread, ScriptRole role) {
}
