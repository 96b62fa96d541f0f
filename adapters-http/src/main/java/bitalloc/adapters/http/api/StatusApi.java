package bitalloc.adapters.http.api;

import bitalloc.adapters.http.api.Outcomes.Status;
import bitalloc.adapters.http.api.Outcomes.Targets;

/** Read-only views for the player and for dashboards. */
public interface StatusApi {

    Status status();

    Targets targets();
}
