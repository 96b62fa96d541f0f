package bitalloc.application.service;

import bitalloc.application.port.in.RegisterService;
import bitalloc.application.port.in.UnregisterService;
import bitalloc.application.port.out.Clock;
import bitalloc.application.port.out.history.HistoryEvent.RegistrationChange;
import bitalloc.application.port.out.history.HistoryEvent.RegistrationChanged;
import bitalloc.application.port.out.history.HistoryLog;
import bitalloc.application.port.out.state.StateStore;
import bitalloc.domain.allocation.Registration;
import bitalloc.domain.allocation.RegistrationOutcome;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Registration and its reverse (A5): both committed before the client hears back. */
@Singleton
public final class RegistrationServices implements RegisterService, UnregisterService {

    private final Engine engine;
    private final Clock clock;
    private final StateStore store;
    private final HistoryLog history;

    @Inject
    public RegistrationServices(Engine engine, Clock clock, StateStore store, HistoryLog history) {
        this.engine = engine;
        this.clock = clock;
        this.store = store;
        this.history = history;
    }

    @Override
    public RegistrationOutcome register(RegisterService.Command command) {
        return engine.locked(() -> {
            Instant now = clock.now();
            RegistrationOutcome outcome = engine.allocator()
                    .register(command.host(), command.pid(), command.ram(), engine.session(), now);
            if (outcome instanceof RegistrationOutcome.Registered registered) {
                store.saveRegistration(StoredRecords.toStored(registered.registration(), command.script()));
                record(RegistrationChange.REGISTERED, registered.registration(), command.script(), now);
            }
            return outcome;
        });
    }

    @Override
    public RegistrationOutcome unregister(UnregisterService.Command command) {
        return engine.locked(() -> {
            RegistrationOutcome outcome = engine.allocator().unregister(command.host(), command.pid());
            if (outcome instanceof RegistrationOutcome.Unregistered unregistered) {
                Registration gone = unregistered.registration();
                store.removeRegistration(gone.session(), gone.pid());
                record(RegistrationChange.UNREGISTERED, gone, "", clock.now());
            }
            return outcome;
        });
    }

    private void record(RegistrationChange change, Registration registration, String script, Instant now) {
        history.append(new RegistrationChanged(now, registration.session(), change, registration.host(),
                registration.pid(), script, registration.ram()));
    }
}
