package bitalloc.adapters.http.json;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Helpers for {@code Validation<Seq<FieldProblem>, T>}, the result of checking any part of a request. */
public final class Checked {

    private Checked() {
    }

    public static <T> Validation<Seq<FieldProblem>, T> valid(T value) {
        return Validation.valid(value);
    }

    public static <T> Validation<Seq<FieldProblem>, T> invalid(Where where, String detail) {
        return Validation.invalid(List.of(new FieldProblem(where.toString(), detail)));
    }

    /** Flattens the problems of several checks combined with {@code Validation.combine(...).ap(...)}. */
    public static <T> Validation<Seq<FieldProblem>, T> flat(Validation<Seq<Seq<FieldProblem>>, T> combined) {
        return combined.mapError(nested -> nested.flatMap(Function.identity()));
    }

    /** Two independent checks; the problems of both are reported. */
    public static <A, B, R> Validation<Seq<FieldProblem>, R> both(Validation<Seq<FieldProblem>, A> first,
                                                                 Validation<Seq<FieldProblem>, B> second,
                                                                 BiFunction<A, B, R> combine) {
        return flat(Validation.combine(first, second).ap(combine::apply));
    }

    /** Adds problems found outside the combined checks (unknown fields, cross-field rules). */
    public static <T> Validation<Seq<FieldProblem>, T> alsoReporting(Validation<Seq<FieldProblem>, T> checked,
                                                                     Seq<FieldProblem> more) {
        if (more.isEmpty()) {
            return checked;
        }
        return checked.isValid() ? Validation.invalid(more) : Validation.invalid(checked.getError().appendAll(more));
    }
}
