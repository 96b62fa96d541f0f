package bitalloc.adapters.persistence;

import static bitalloc.adapters.persistence.generated.Tables.REGISTRATION;

import bitalloc.adapters.persistence.generated.tables.records.RegistrationRecord;
import bitalloc.application.port.out.state.StoredRegistration;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.GameSession;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import io.vavr.control.Option;
import org.jooq.DSLContext;

/** {@link StoredRegistration} to and from the {@code registration} table. */
final class RegistrationMapper {

    private RegistrationMapper() {
    }

    static RegistrationRecord toRecord(DSLContext dsl, StoredRegistration registration) {
        RegistrationRecord r = dsl.newRecord(REGISTRATION);
        r.setGameSession(registration.session().value());
        r.setPid(registration.pid().value());
        r.setHost(registration.host().value());
        r.setScript(registration.script());
        r.setRam(registration.ram().hundredths());
        r.setRegisteredAt(Times.stored(registration.registeredAt()));
        r.setAbsentSince(registration.absentSince().map(Times::stored).getOrNull());
        return r;
    }

    static StoredRegistration fromRecord(RegistrationRecord r) {
        return new StoredRegistration(new GameSession(r.getGameSession()), Pid.of(r.getPid()),
                HostName.of(r.getHost()), r.getScript(), Ram.ofHundredths(r.getRam()),
                Times.instant(r.getRegisteredAt()), Option.of(r.getAbsentSince()).map(Times::instant));
    }
}
