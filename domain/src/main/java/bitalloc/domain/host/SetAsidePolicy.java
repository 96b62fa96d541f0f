package bitalloc.domain.host;

import bitalloc.domain.ram.Ram;
import io.vavr.collection.List;

/** Which RAM stays off-limits on which host (DESIGN A9). The first rule that applies wins; no rule, nothing set aside. */
public record SetAsidePolicy(List<SetAsideRule> rules) {

    /** Home keeps max(4 GB, 10 %) for the player's terminal; hacknet servers are excluded (they earn hashes). */
    public static final SetAsidePolicy DEFAULT = new SetAsidePolicy(List.of(
            SetAsideRule.forKind(HostKind.HOME, new SetAside(Ram.ofGb(4), 10)),
            SetAsideRule.forKind(HostKind.HACKNET, SetAside.WHOLE_HOST)));

    public static final SetAsidePolicy NOTHING = new SetAsidePolicy(List.empty());

    public Ram setAsideFor(HostName host, HostKind kind, Ram maxRam) {
        return rules.find(rule -> rule.appliesTo(host, kind))
                .map(rule -> rule.setAside().of(maxRam))
                .getOrElse(Ram.ZERO);
    }

    /** This policy with {@code rule} consulted before every other rule. */
    public SetAsidePolicy overriddenBy(SetAsideRule rule) {
        return new SetAsidePolicy(rules.prepend(rule));
    }
}
