package bitalloc.adapters.http.live;

import bitalloc.adapters.http.api.ApiFailure;
import bitalloc.adapters.http.api.Commands.Register;
import bitalloc.adapters.http.api.Commands.Unregister;
import bitalloc.adapters.http.api.Outcomes.Change;
import bitalloc.adapters.http.api.Outcomes.Registered;
import bitalloc.adapters.http.api.Outcomes.Released;
import bitalloc.adapters.http.api.RegistrationApi;
import bitalloc.application.port.in.RegisterService;
import bitalloc.application.port.in.UnregisterService;
import bitalloc.domain.allocation.RegistrationOutcome;
import bitalloc.domain.ram.Ram;
import io.vavr.control.Either;

/**
 * Core services declare the RAM they hold. A new registration of a known pid replaces the old one (the game never
 * runs two processes with one pid in a session), and unregistering twice changes nothing and says so.
 */
public final class LiveRegistrations implements RegistrationApi {

    private final RegisterService register;
    private final UnregisterService unregister;

    public LiveRegistrations(RegisterService register, UnregisterService unregister) {
        this.register = register;
        this.unregister = unregister;
    }

    @Override
    public Either<ApiFailure, Registered> register(Register command) {
        RegistrationOutcome outcome = register.register(new RegisterService.Command(command.host(), command.pid(),
                command.filename().value(), command.ram()));
        return Either.right(new Registered(command.host(), command.pid(),
                outcome instanceof RegistrationOutcome.Registered ? Change.CHANGED : Change.UNCHANGED));
    }

    @Override
    public Either<ApiFailure, Released> unregister(Unregister command) {
        RegistrationOutcome outcome = unregister.unregister(new UnregisterService.Command(command.host(),
                command.pid()));
        return Either.right(outcome instanceof RegistrationOutcome.Unregistered gone
                ? new Released(Change.CHANGED, gone.registration().ram())
                : new Released(Change.UNCHANGED, Ram.ZERO));
    }
}
