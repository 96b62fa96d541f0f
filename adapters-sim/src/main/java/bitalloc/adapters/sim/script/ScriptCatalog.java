package bitalloc.adapters.sim.script;

import bitalloc.domain.ram.Ram;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

/**
 * bitalloc's scripts as the simulator knows them. RAM figures follow BITBURNER.md §3: helpers are the
 * single-purpose workers (1.6 GB base + one function); tasks pay for exec and a few getServer* reads; the agent
 * is the example agent of §3; discovery pays for scan, root checks and port openers.
 */
public final class ScriptCatalog {

    public static final String TILL = "till.js";
    public static final String SOW = "sow.js";
    public static final String HARVEST = "harvest.js";
    public static final String HACK = "hack.js";
    public static final String GROW = "grow.js";
    public static final String WEAKEN = "weaken.js";
    public static final String AGENT = "agent.js";
    public static final String DISCOVERY = "discovery.js";
    public static final String XP = "xp.js";

    private static final Map<String, ScriptSpec> BUILT_IN = LinkedHashMap.<String, ScriptSpec>empty()
            .put(TILL, spec(TILL, "3.30", ScriptRole.TILL_TASK))
            .put(SOW, spec(SOW, "3.30", ScriptRole.SOW_TASK))
            .put(HARVEST, spec(HARVEST, "3.30", ScriptRole.HARVEST_TASK))
            .put(HACK, spec(HACK, "1.70", ScriptRole.HACK_HELPER))
            .put(GROW, spec(GROW, "1.75", ScriptRole.GROW_HELPER))
            .put(WEAKEN, spec(WEAKEN, "1.75", ScriptRole.WEAKEN_HELPER))
            .put(AGENT, spec(AGENT, "4.65", ScriptRole.CORE_SERVICE))
            .put(DISCOVERY, spec(DISCOVERY, "2.05", ScriptRole.CORE_SERVICE))
            .put(XP, spec(XP, "1.75", ScriptRole.FILLER));

    private final Map<String, ScriptSpec> scripts;

    private ScriptCatalog(Map<String, ScriptSpec> scripts) {
        this.scripts = scripts;
    }

    public static ScriptCatalog builtIn() {
        return new ScriptCatalog(BUILT_IN);
    }

    public Option<ScriptSpec> find(String script) {
        return scripts.get(script);
    }

    public ScriptSpec get(String script) {
        return find(script).getOrElseThrow(() -> new IllegalArgumentException("unknown script " + script));
    }

    public Map<String, ScriptSpec> all() {
        return scripts;
    }

    private static ScriptSpec spec(String name, String gb, ScriptRole role) {
        return new ScriptSpec(name, Ram.parse(gb), role);
    }
}
