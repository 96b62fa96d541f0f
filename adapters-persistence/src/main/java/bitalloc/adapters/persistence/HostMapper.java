package bitalloc.adapters.persistence;

import static bitalloc.adapters.persistence.generated.Tables.HOST;

import bitalloc.adapters.persistence.generated.tables.records.HostRecord;
import bitalloc.application.port.out.state.StoredHost;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.HostName;
import bitalloc.domain.ram.Ram;
import io.vavr.control.Option;
import org.jooq.DSLContext;

/** {@link StoredHost} to and from the {@code host} table. */
final class HostMapper {

    private HostMapper() {
    }

    static HostRecord toRecord(DSLContext dsl, StoredHost host) {
        HostRecord r = dsl.newRecord(HOST);
        r.setHost(host.host().value());
        r.setKind(host.kind().name());
        r.setCores(host.cores());
        r.setMaxRam(host.maxRam().hundredths());
        r.setSetAsideRam(host.setAside().hundredths());
        r.setUsedRam(host.usedRam().hundredths());
        r.setForeignRam(host.foreignRam().hundredths());
        r.setReservedRam(host.reservedEstimate().hundredths());
        r.setMarginRam(host.margin().hundredths());
        r.setLastScanAt(host.lastScanAt().map(Times::stored).getOrNull());
        return r;
    }

    static StoredHost fromRecord(HostRecord r) {
        return new StoredHost(HostName.of(r.getHost()), HostKind.valueOf(r.getKind()), r.getCores(),
                Ram.ofHundredths(r.getMaxRam()), Ram.ofHundredths(r.getSetAsideRam()),
                Ram.ofHundredths(r.getUsedRam()), Ram.ofHundredths(r.getForeignRam()),
                Ram.ofHundredths(r.getReservedRam()), Ram.ofHundredths(r.getMarginRam()),
                Option.of(r.getLastScanAt()).map(Times::instant));
    }
}
