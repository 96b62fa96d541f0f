package bitalloc.adapters.http.api;

import bitalloc.adapters.http.api.Commands.Register;
import bitalloc.adapters.http.api.Commands.Unregister;
import bitalloc.adapters.http.api.Outcomes.Registered;
import bitalloc.adapters.http.api.Outcomes.Released;
import io.vavr.control.Either;

/** Core services that started before they could be allocated declare their RAM (DESIGN.md A5). */
public interface RegistrationApi {

    Either<ApiFailure, Registered> register(Register command);

    Either<ApiFailure, Released> unregister(Unregister command);
}
