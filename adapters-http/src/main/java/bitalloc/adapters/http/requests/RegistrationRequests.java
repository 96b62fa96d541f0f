package bitalloc.adapters.http.requests;

import static bitalloc.adapters.http.json.Checked.alsoReporting;
import static bitalloc.adapters.http.json.Checked.flat;

import bitalloc.adapters.http.api.Commands.Register;
import bitalloc.adapters.http.json.FieldProblem;
import bitalloc.adapters.http.json.Where;
import bitalloc.adapters.http.json.JsonObjectReader;
import bitalloc.adapters.http.json.JsonValues;
import bitalloc.adapters.http.json.JsonValues.ZeroRam;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Set;

/** Bodies of the registration endpoints. */
public final class RegistrationRequests {

    private RegistrationRequests() {
    }

    /** {hostname, pid, filename, ram}: ram is the process's whole RAM (per-thread RAM times threads). */
    public static Validation<Seq<FieldProblem>, Register> register(JsonNode body) {
        return JsonObjectReader.of(body, Where.BODY, Set.of("hostname", "pid", "filename", "ram"))
                .flatMap(o -> alsoReporting(flat(Validation.combine(
                        o.required("hostname", JsonValues::hostName),
                        o.required("pid", JsonValues::pid),
                        o.required("filename", JsonValues::scriptPath),
                        o.required("ram", (v, at) -> JsonValues.ram(v, at, ZeroRam.REFUSED))).ap(Register::new)),
                        o.unknownFields()));
    }
}
