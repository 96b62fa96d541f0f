package bitalloc.domain.host;

import io.vavr.control.Option;

/** One line of the set-aside policy: hosts of a kind and/or matching a name pattern keep {@code setAside}. */
public record SetAsideRule(Option<HostKind> kind, Option<HostNamePattern> name, SetAside setAside) {

    public static SetAsideRule forKind(HostKind kind, SetAside setAside) {
        return new SetAsideRule(Option.of(kind), Option.none(), setAside);
    }

    public static SetAsideRule forNames(String glob, SetAside setAside) {
        return new SetAsideRule(Option.none(), Option.of(HostNamePattern.glob(glob)), setAside);
    }

    public boolean appliesTo(HostName host, HostKind hostKind) {
        return kind.forAll(hostKind::equals) && name.forAll(pattern -> pattern.matches(host));
    }
}
