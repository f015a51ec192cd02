package io.daybreak.stats.models.formula;

/**
 * The left-hand side of a model formula: a response variable ({@code y}, {@code log(y)}) or a survival outcome
 * {@code Surv(time, status)}, optionally {@code Surv(time, status == value)} naming the event value.
 *
 * @param value      the response (null for a survival outcome)
 * @param time       the follow-up time column (survival)
 * @param status     the status column (survival)
 * @param eventValue the value that means an event, as written after {@code ==}, or null for R's reading of the
 *                   status column ({@link StatusCoding})
 */
public record Response(Variable value, String time, String status, String eventValue) {

    /** Whether the outcome is {@code Surv(time, status)}. */
    public boolean isSurvival() {
        return value == null;
    }

    /** As written in a formula. */
    public String label() {
        if (value != null) {
            return value.label();
        }
        return "Surv(" + Formula.quoted(time) + ", " + Formula.quoted(status)
                + (eventValue == null ? "" : " == " + eventValue) + ")";
    }
}
