package bitalloc.adapters.http.requests;

import static bitalloc.adapters.http.json.Checked.alsoReporting;
import static bitalloc.adapters.http.json.Checked.flat;
import static bitalloc.adapters.http.json.Checked.invalid;
import static bitalloc.adapters.http.json.Checked.valid;

import bitalloc.adapters.http.json.FieldProblem;
import bitalloc.adapters.http.json.JsonObjectReader;
import bitalloc.adapters.http.json.JsonValues;
import bitalloc.adapters.http.json.Where;
import bitalloc.domain.game.Money;
import bitalloc.domain.game.Player;
import bitalloc.domain.game.Security;
import bitalloc.domain.game.TargetServer;
import bitalloc.domain.host.HostName;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.HashSet;
import java.util.Set;

/**
 * The part of a scan the hacking formulas read: {@code player {hackingLevel}} and {@code targets [{hostname,
 * security, minSecurity, money, maxMoney, requiredHackingLevel, growth}]}, one per rooted server that holds money.
 */
public final class TargetRequests {

    /** Far above the game's real levels, low enough that the formulas stay finite. */
    public static final int MAX_LEVEL = 1_000_000;
    /** About 70 servers hold money; purchased and hacknet servers never do. */
    public static final int MAX_TARGETS = 1_000;
    /** Security above this is not a game value (the game caps hack difficulty at 100). */
    private static final double MAX_SECURITY = 1_000_000;
    private static final double MAX_GROWTH = 1_000_000;

    private TargetRequests() {
    }

    public static Validation<Seq<FieldProblem>, Option<Player>> player(JsonNode body, Where at) {
        return JsonObjectReader.of(body, at, Set.of("hackingLevel"))
                .flatMap(o -> alsoReporting(o.required("hackingLevel", TargetRequests::level)
                        .flatMap(level -> level < 1 ? invalid(at.field("hackingLevel"), "must be at least 1")
                                : valid(Option.some(Player.atLevel(level)))), o.unknownFields()));
    }

    public static Validation<Seq<FieldProblem>, List<TargetServer>> targets(JsonNode body, Where at) {
        if (!body.isArray()) {
            return invalid(at, "must be an array, got " + JsonValues.kind(body));
        }
        if (body.size() > MAX_TARGETS) {
            return invalid(at, "must have at most " + MAX_TARGETS + " items");
        }
        List<TargetServer> targets = List.empty();
        List<FieldProblem> problems = List.empty();
        for (int index = 0; index < body.size(); index++) {
            Validation<Seq<FieldProblem>, TargetServer> checked = target(body.get(index), at.item(index));
            if (checked.isValid()) {
                targets = targets.append(checked.get());
            } else {
                problems = problems.appendAll(checked.getError());
            }
        }
        return problems.isEmpty() ? eachHostOnce(targets, at) : Validation.invalid(problems);
    }

    private static Validation<Seq<FieldProblem>, TargetServer> target(JsonNode body, Where at) {
        return JsonObjectReader.of(body, at, Set.of("hostname", "security", "minSecurity", "money", "maxMoney",
                        "requiredHackingLevel", "growth"))
                .flatMap(o -> alsoReporting(flat(Validation.combine(
                        o.required("hostname", JsonValues::hostName),
                        o.required("requiredHackingLevel", TargetRequests::level),
                        o.required("security", (v, p) -> amount(v, p, MAX_SECURITY).map(Security::of)),
                        o.required("minSecurity", (v, p) -> amount(v, p, MAX_SECURITY).map(Security::of)),
                        o.required("money", (v, p) -> amount(v, p, Double.MAX_VALUE).map(Money::of)),
                        o.required("maxMoney", (v, p) -> amount(v, p, Double.MAX_VALUE).map(Money::of)),
                        // The game's growth is a whole number in its data; a BitNode may scale it, so round.
                        o.required("growth", (v, p) -> amount(v, p, MAX_GROWTH).map(g -> (int) Math.round(g))))
                        .ap(TargetServer::new)), o.unknownFields()));
    }

    private static Validation<Seq<FieldProblem>, Integer> level(JsonNode value, Where at) {
        return JsonValues.whole(value, at, 0, MAX_LEVEL).map(Long::intValue);
    }

    /** A finite, non-negative game number (security, money): read as a double, as the game keeps it. */
    private static Validation<Seq<FieldProblem>, Double> amount(JsonNode value, Where at, double max) {
        if (!value.isNumber()) {
            return invalid(at, "must be a number, got " + JsonValues.kind(value));
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number) || number < 0 || number > max) {
            return invalid(at, "must be a finite number from 0 to " + max + ", got " + value.asText());
        }
        return valid(number);
    }

    private static Validation<Seq<FieldProblem>, List<TargetServer>> eachHostOnce(List<TargetServer> targets,
                                                                                 Where at) {
        Set<HostName> seen = new HashSet<>();
        List<FieldProblem> problems = List.empty();
        for (int index = 0; index < targets.size(); index++) {
            if (!seen.add(targets.get(index).name())) {
                problems = problems.append(new FieldProblem(at.item(index).field("hostname").toString(),
                        "repeats target " + targets.get(index).name()));
            }
        }
        return problems.isEmpty() ? valid(targets) : Validation.invalid(problems);
    }
}
