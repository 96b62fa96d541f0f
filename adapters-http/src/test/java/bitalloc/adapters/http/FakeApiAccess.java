package bitalloc.adapters.http;

import bitalloc.adapters.http.api.BitallocApi;

/** Lets tests in other packages (the load benchmark) use the package's fake API. */
public final class FakeApiAccess {

    private FakeApiAccess() {
    }

    public static BitallocApi newFake() {
        return new FakeBitallocApi().api();
    }
}
