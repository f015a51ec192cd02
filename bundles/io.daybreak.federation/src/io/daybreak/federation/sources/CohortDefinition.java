package io.daybreak.federation.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small declarative OMOP CDM v5.4 cohort that a site materialises into an analysis table: one row per person of
 * the cohort, with time-to-event columns {@code time} (days from the index date) and {@code status} (1 event, 0
 * censored) and the covariates the definition names. It is read strictly (every object names the fields it allows;
 * concept ids are whole numbers) and compiled to one parameterised SQL query ({@link #compile(String)}): concept ids,
 * windows and value bounds are bound as parameters, never written into the SQL text. The reference is in
 * docs/data.md ("OMOP cohort definitions").
 *
 * <pre>
 * {
 *   "conceptSets": {"nsclc": [4115276], "platinum": [1397599, 1344905], "ldh": [3016436]},
 *   "index": {"domain": "condition", "conceptSet": "nsclc", "occurrence": "first"},
 *   "observation": {"priorDays": 180, "postDays": 0},
 *   "inclusion": [{"domain": "drug", "conceptSet": "platinum", "window": [-30, 90]}],
 *   "outcome": {"death": true, "maxDays": 1825},
 *   "covariates": [{"name": "age", "type": "ageAtIndex"}, {"name": "sex", "type": "sex"},
 *                  {"name": "ldh", "type": "measurement", "conceptSet": "ldh", "window": [-30, 0]}]
 * }
 * </pre>
 */
public final class CohortDefinition {
    /** OMOP's gender concepts: MALE and FEMALE; a covariate of type {@code sex} is 1 for male, 2 for female. */
    public static final long MALE = 8507;
    public static final long FEMALE = 8532;
    /** Largest window bound, in days (100 years). */
    static final long MAX_DAYS = 36_500;

    /** The clinical tables a criterion, index or covariate can refer to. */
    public enum Domain {
        CONDITION("condition_occurrence", "condition_concept_id", "condition_start_date", "condition_occurrence_id"),
        DRUG("drug_exposure", "drug_concept_id", "drug_exposure_start_date", "drug_exposure_id"),
        MEASUREMENT("measurement", "measurement_concept_id", "measurement_date", "measurement_id");

        final String table;
        final String concept;
        final String date;
        final String id;

        Domain(String table, String concept, String date, String id) {
            this.table = table;
            this.concept = concept;
            this.date = date;
            this.id = id;
        }

        String alias() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A record of a concept set in a domain within [from, to] days of the index date, present or absent. */
    record Criterion(Domain domain, String conceptSet, long from, long to, boolean present, Double valueMin,
            Double valueMax) {
    }

    /** An output column besides time and status. */
    record Covariate(String name, String type, Domain domain, String conceptSet, long from, long to) {
    }

    private final Map<String, List<Long>> conceptSets;
    private final Domain indexDomain;
    private final String indexSet;
    private final long priorDays;
    private final long postDays;
    private final List<Criterion> inclusion;
    private final boolean death;
    private final Domain outcomeDomain;
    private final String outcomeSet;
    private final Long maxDays;
    private final List<Covariate> covariates;

    private CohortDefinition(Map<String, List<Long>> conceptSets, Domain indexDomain, String indexSet, long priorDays,
            long postDays, List<Criterion> inclusion, boolean death, Domain outcomeDomain, String outcomeSet,
            Long maxDays, List<Covariate> covariates) {
        this.conceptSets = conceptSets;
        this.indexDomain = indexDomain;
        this.indexSet = indexSet;
        this.priorDays = priorDays;
        this.postDays = postDays;
        this.inclusion = inclusion;
        this.death = death;
        this.outcomeDomain = outcomeDomain;
        this.outcomeSet = outcomeSet;
        this.maxDays = maxDays;
        this.covariates = covariates;
    }

    /** Reads a cohort definition file. */
    public static CohortDefinition read(Path file) throws DatasetSourceException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new DatasetSourceException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(Json.parse(file.toString(), text));
    }

    /** Parses a cohort definition from JSON text; {@code file} names it in messages. */
    public static CohortDefinition parse(String file, String text) throws DatasetSourceException {
        return parse(Json.parse(file, text));
    }

    static CohortDefinition parse(Json json) throws DatasetSourceException {
        json.allow("conceptSets", "index", "observation", "inclusion", "outcome", "covariates", "description");
        Map<String, List<Long>> sets = new LinkedHashMap<>();
        for (Map.Entry<String, Json> set : json.get("conceptSets").fields()) {
            if (!Json.NAME.matcher(set.getKey()).matches()) {
                throw set.getValue().error("'" + set.getKey() + "' is not a valid concept set name");
            }
            List<Long> ids = new ArrayList<>();
            for (Json id : set.getValue().items()) {
                ids.add(id.integer(1, Integer.MAX_VALUE));
            }
            if (ids.isEmpty()) {
                throw set.getValue().error("a concept set needs at least one concept id");
            }
            sets.put(set.getKey(), List.copyOf(new LinkedHashSet<>(ids)));
        }
        Json index = json.get("index").allow("domain", "conceptSet", "occurrence");
        Domain indexDomain = domain(index);
        String indexSet = conceptSet(index, sets);
        if (!index.string("occurrence", "first").equals("first")) {
            throw index.get("occurrence").error("only 'first' is supported: the earliest record of the concept set");
        }
        long prior = 0;
        long post = 0;
        if (json.has("observation")) {
            Json observation = json.get("observation").allow("priorDays", "postDays");
            prior = observation.integer("priorDays", 0, MAX_DAYS, 0);
            post = observation.integer("postDays", 0, MAX_DAYS, 0);
        }
        List<Criterion> inclusion = new ArrayList<>();
        if (json.has("inclusion")) {
            for (Json item : json.get("inclusion").items()) {
                item.allow("domain", "conceptSet", "window", "require", "valueMin", "valueMax");
                Domain domain = domain(item);
                String set = conceptSet(item, sets);
                long[] window = window(item);
                String require = item.string("require", "present");
                if (!require.equals("present") && !require.equals("absent")) {
                    throw item.get("require").error("must be 'present' or 'absent'");
                }
                Double min = item.number("valueMin");
                Double max = item.number("valueMax");
                if ((min != null || max != null) && domain != Domain.MEASUREMENT) {
                    throw item.error("valueMin and valueMax apply to measurements only");
                }
                inclusion.add(new Criterion(domain, set, window[0], window[1], require.equals("present"), min, max));
            }
        }
        Json outcome = json.get("outcome").allow("death", "domain", "conceptSet", "maxDays");
        boolean death = outcome.flag("death", false);
        Domain outcomeDomain = null;
        String outcomeSet = null;
        if (outcome.has("conceptSet")) {
            outcomeDomain = domain(outcome);
            outcomeSet = conceptSet(outcome, sets);
        } else if (outcome.has("domain")) {
            throw outcome.error("field 'conceptSet' is required with 'domain'");
        }
        if (!death && outcomeSet == null) {
            throw outcome.error("name the event: \"death\": true, a \"conceptSet\" (with its \"domain\"), or both");
        }
        Long maxDays = outcome.has("maxDays") ? outcome.get("maxDays").integer(1, MAX_DAYS) : null;
        List<Covariate> covariates = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(List.of("time", "status"));
        if (json.has("covariates")) {
            for (Json item : json.get("covariates").items()) {
                item.requireObject();
                String type = item.string("type");
                String name = item.get("name").name(Json.IDENTIFIER, "column name");
                if (!names.add(name)) {
                    throw item.get("name").error("column '" + name + "' is named twice (time and status are taken)");
                }
                switch (type) {
                case "ageAtIndex", "sex" -> {
                    item.allow("name", "type");
                    covariates.add(new Covariate(name, type, null, null, 0, 0));
                }
                case "measurement", "condition", "drug" -> {
                    item.allow("name", "type", "conceptSet", "window");
                    long[] window = window(item);
                    covariates.add(new Covariate(name, type, Domain.valueOf(type.toUpperCase(java.util.Locale.ROOT)),
                            conceptSet(item, sets), window[0], window[1]));
                }
                default -> throw item.get("type").error("unknown covariate type '" + type
                        + "'; allowed: ageAtIndex, condition, drug, measurement, sex");
                }
            }
        }
        return new CohortDefinition(Map.copyOf(sets), indexDomain, indexSet, prior, post, List.copyOf(inclusion), death,
                outcomeDomain, outcomeSet, maxDays, List.copyOf(covariates));
    }

    private static Domain domain(Json item) throws DatasetSourceException {
        String domain = item.string("domain");
        for (Domain candidate : Domain.values()) {
            if (candidate.alias().equals(domain)) {
                return candidate;
            }
        }
        throw item.get("domain").error("unknown domain '" + domain + "'; allowed: condition, drug, measurement");
    }

    private static String conceptSet(Json item, Map<String, List<Long>> sets) throws DatasetSourceException {
        String name = item.string("conceptSet");
        if (!sets.containsKey(name)) {
            throw item.get("conceptSet").error("no concept set '" + name + "' in conceptSets; defined: "
                    + String.join(", ", sets.keySet()));
        }
        return name;
    }

    private static long[] window(Json item) throws DatasetSourceException {
        Json window = item.get("window");
        List<Json> bounds = window.items();
        if (bounds.size() != 2) {
            throw window.error("must be [from, to], days relative to the index date, e.g. [-30, 0]");
        }
        long from = bounds.get(0).integer(-MAX_DAYS, MAX_DAYS);
        long to = bounds.get(1).integer(-MAX_DAYS, MAX_DAYS);
        if (from > to) {
            throw window.error("from must not be after to");
        }
        return new long[] {from, to};
    }

    /** The columns of the materialised table, in order. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("time", "status"));
        covariates.forEach(c -> columns.add(c.name()));
        return columns;
    }

    /**
     * One parameterised query, portable between PostgreSQL and DuckDB: its text holds only SQL written here, table
     * names of the OMOP CDM (qualified by {@code schema}, an identifier checked by the caller, or null) and the
     * covariate names (checked identifiers); every concept id, window bound and value bound is a parameter.
     */
    public Query compile(String schema) {
        Query.Builder q = new Query.Builder(schema == null ? "" : schema + ".", conceptSets);
        q.sql("WITH index_events AS (SELECT e.person_id, MIN(e.").sql(indexDomain.date).sql(") AS index_date FROM ")
                .table(indexDomain.table).sql(" e WHERE e.").sql(indexDomain.concept).sql(" IN ").set(indexSet)
                .sql(" GROUP BY e.person_id),\n");
        q.sql("cohort AS (SELECT i.person_id, i.index_date, ");
        if (maxDays == null) {
            q.sql("op.observation_period_end_date AS end_date");
        } else {
            q.sql("LEAST(op.observation_period_end_date, i.index_date + ").days(maxDays).sql(") AS end_date");
        }
        q.sql(" FROM index_events i JOIN ").table("observation_period").sql(" op ON op.person_id = i.person_id")
                .sql(" AND op.observation_period_start_date <= i.index_date")
                .sql(" AND i.index_date <= op.observation_period_end_date")
                .sql("\n WHERE i.index_date - op.observation_period_start_date >= ").days(priorDays)
                .sql(" AND op.observation_period_end_date - i.index_date >= ").days(postDays);
        for (Criterion criterion : inclusion) {
            q.sql("\n AND ").sql(criterion.present() ? "EXISTS" : "NOT EXISTS").sql(" (SELECT 1 FROM ")
                    .table(criterion.domain().table).sql(" x WHERE x.person_id = i.person_id AND x.")
                    .sql(criterion.domain().concept).sql(" IN ").set(criterion.conceptSet()).sql(" AND x.")
                    .sql(criterion.domain().date).sql(" BETWEEN i.index_date + ").days(criterion.from())
                    .sql(" AND i.index_date + ").days(criterion.to());
            if (criterion.valueMin() != null) {
                q.sql(" AND x.value_as_number >= ").value(criterion.valueMin());
            }
            if (criterion.valueMax() != null) {
                q.sql(" AND x.value_as_number <= ").value(criterion.valueMax());
            }
            q.sql(")");
        }
        q.sql("),\nevents AS (SELECT c.person_id, MIN(ev.event_date) AS event_date FROM cohort c JOIN (");
        if (death) {
            q.sql("SELECT d.person_id, d.death_date AS event_date FROM ").table("death").sql(" d");
        }
        if (outcomeSet != null) {
            q.sql(death ? " UNION ALL " : "").sql("SELECT o.person_id, o.").sql(outcomeDomain.date)
                    .sql(" AS event_date FROM ").table(outcomeDomain.table).sql(" o WHERE o.").sql(outcomeDomain.concept)
                    .sql(" IN ").set(outcomeSet);
        }
        q.sql(") ev ON ev.person_id = c.person_id AND ev.event_date >= c.index_date GROUP BY c.person_id)\n");
        String observed = "ev.event_date IS NOT NULL AND ev.event_date <= c.end_date";
        q.sql("SELECT CAST((CASE WHEN ").sql(observed).sql(" THEN ev.event_date ELSE c.end_date END) - c.index_date")
                .sql(" AS FLOAT8) AS \"time\",\n CAST(CASE WHEN ").sql(observed).sql(" THEN 1 ELSE 0 END AS FLOAT8)")
                .sql(" AS \"status\"");
        for (Covariate covariate : covariates) {
            q.sql(",\n ");
            switch (covariate.type()) {
            case "ageAtIndex" -> q.sql("CAST(EXTRACT(YEAR FROM c.index_date) - p.year_of_birth AS FLOAT8)");
            case "sex" -> q.sql("CAST(CASE p.gender_concept_id WHEN " + MALE + " THEN 1 WHEN " + FEMALE
                    + " THEN 2 END AS FLOAT8)");
            case "measurement" -> q.sql("(SELECT CAST(m.value_as_number AS FLOAT8) FROM ").table("measurement")
                    .sql(" m WHERE m.person_id = c.person_id AND m.measurement_concept_id IN ")
                    .set(covariate.conceptSet()).sql(" AND m.value_as_number IS NOT NULL")
                    .sql(" AND m.measurement_date BETWEEN c.index_date + ").days(covariate.from())
                    .sql(" AND c.index_date + ").days(covariate.to())
                    .sql(" ORDER BY ABS(m.measurement_date - c.index_date), m.measurement_date, m.measurement_id LIMIT 1)");
            default -> q.sql("CAST(CASE WHEN EXISTS (SELECT 1 FROM ").table(covariate.domain().table)
                    .sql(" x WHERE x.person_id = c.person_id AND x.").sql(covariate.domain().concept).sql(" IN ")
                    .set(covariate.conceptSet()).sql(" AND x.").sql(covariate.domain().date)
                    .sql(" BETWEEN c.index_date + ").days(covariate.from()).sql(" AND c.index_date + ")
                    .days(covariate.to()).sql(") THEN 1 ELSE 0 END AS FLOAT8)");
            }
            q.sql(" AS \"").sql(covariate.name()).sql("\"");
        }
        q.sql("\nFROM cohort c JOIN ").table("person").sql(" p ON p.person_id = c.person_id")
                .sql(" LEFT JOIN events ev ON ev.person_id = c.person_id ORDER BY c.person_id");
        return q.build();
    }

    /** A query's text and its parameters ({@link Long} or {@link Double}), in the order of the placeholders. */
    public record Query(String text, List<Object> parameters) {
        public Query {
            parameters = List.copyOf(parameters);
        }

        static final class Builder {
            private final String prefix;
            private final Map<String, List<Long>> conceptSets;
            private final StringBuilder text = new StringBuilder();
            private final List<Object> parameters = new ArrayList<>();

            Builder(String prefix, Map<String, List<Long>> conceptSets) {
                this.prefix = prefix;
                this.conceptSets = conceptSets;
            }

            Builder sql(String part) {
                text.append(part);
                return this;
            }

            Builder table(String table) {
                text.append(prefix).append(table);
                return this;
            }

            Builder days(long days) {
                text.append("CAST(? AS INTEGER)");
                parameters.add(days);
                return this;
            }

            Builder value(double value) {
                text.append("CAST(? AS FLOAT8)");
                parameters.add(value);
                return this;
            }

            /** A concept set's ids: one placeholder each (their count is the definition's, not a value). */
            Builder set(String name) {
                List<Long> ids = conceptSets.get(name);
                text.append('(').append(String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))).append(')');
                parameters.addAll(ids);
                return this;
            }

            Query build() {
                return new Query(text.toString(), parameters);
            }
        }
    }
}
