package bitalloc.adapters.http.api;

import bitalloc.adapters.http.api.Commands.Scan;
import bitalloc.adapters.http.api.Outcomes.ScanApplied;
import io.vavr.control.Either;

/** The agent's poll of every host's process table (DESIGN.md A6). */
public interface ScanApi {

    Either<ApiFailure, ScanApplied> apply(Scan command);
}
