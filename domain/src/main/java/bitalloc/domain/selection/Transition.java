package bitalloc.domain.selection;

import io.vavr.collection.List;
import java.util.function.Function;

/** The selector's next state and the commands to carry out, in order. */
public record Transition(SelectorState state, List<SelectorCommand> commands) {

    static Transition to(SelectorState state) {
        return new Transition(state, List.empty());
    }

    Transition emit(SelectorCommand command) {
        return new Transition(state, commands.append(command));
    }

    Transition andThen(Function<SelectorState, Transition> next) {
        Transition after = next.apply(state);
        return new Transition(after.state, commands.appendAll(after.commands));
    }

    Transition map(Function<SelectorState, SelectorState> change) {
        return new Transition(change.apply(state), commands);
    }
}
