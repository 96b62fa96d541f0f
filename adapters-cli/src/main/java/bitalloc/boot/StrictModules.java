package bitalloc.boot;

import com.google.inject.AbstractModule;
import com.google.inject.Module;

/** Guice with every binding explicit, constructors marked, and no circular proxies papering over a cycle. */
final class StrictModules extends AbstractModule {

    private final Module[] modules;

    private StrictModules(Module... modules) {
        this.modules = modules;
    }

    static Module of(Module... modules) {
        return new StrictModules(modules);
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().requireAtInjectOnConstructors();
        binder().disableCircularProxies();
        for (Module module : modules) {
            install(module);
        }
    }
}
