package io.daybreak.methods.design.decisiontable;

/** One cell of a decision table: what to do after y DLTs in n patients at the current dose. */
public enum Decision {
    /** Escalate to the next higher dose (stay at the highest dose, or when the next one is eliminated). */
    E("escalate"),
    /** Stay at the current dose. */
    S("stay"),
    /** De-escalate to the next lower dose (stay at the lowest dose). */
    D("de-escalate"),
    /** De-escalate and eliminate the current dose and all higher doses; at the lowest dose the trial stops. */
    DU("de-escalate and eliminate the dose and all higher doses (at the lowest dose: stop the trial)");

    private final String meaning;

    Decision(String meaning) {
        this.meaning = meaning;
    }

    /** What the code means, in words (the JSON document's legend). */
    public String meaning() {
        return meaning;
    }

    /** The decision a cell's text names (E, S, D or DU, any case, surrounding blanks ignored), or null if none. */
    static Decision parse(String text) {
        String code = text.strip().toUpperCase(java.util.Locale.ROOT);
        for (Decision decision : values()) {
            if (decision.name().equals(code)) {
                return decision;
            }
        }
        return null;
    }
}
