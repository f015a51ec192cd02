package io.daybreak.federation.grpc.omop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic OMOP CDM v5.4 subset (person, observation_period, condition_occurrence, drug_exposure, measurement,
 * death) for one site, generated from a seed, together with the analysis rows the cohort definition
 * {@link #COHORT} must select from it — worked out while generating, from the events as made, not by SQL: index date
 * the first NSCLC diagnosis, at least 180 days of observation before it, a platinum drug within [−30, 90] days, no
 * excluded condition in the year before; time and status to death or end of observation (at most 1825 days); age at
 * index, sex (1 male, 2 female) and the LDH value nearest the index date within [−30, 0] days.
 */
public final class SyntheticOmop {
    static final long NSCLC = 4115276;
    static final long NSCLC_OTHER_CODE = 439392;
    static final long HYPERTENSION = 320128;
    static final long EXCLUDED = 4112853; // a prior malignancy, excluded in the year before index
    static final long CISPLATIN = 1397599;
    static final long CARBOPLATIN = 1344905;
    static final long LDH = 3016436;
    static final LocalDate EPOCH = LocalDate.of(2010, 1, 1);

    /** The cohort definition the rows are generated for. */
    public static final String COHORT = """
            {
              "description": "NSCLC on platinum: overall survival from first diagnosis",
              "conceptSets": {"nsclc": [4115276, 439392], "platinum": [1397599, 1344905], "ldh": [3016436],
                              "priorMalignancy": [4112853]},
              "index": {"domain": "condition", "conceptSet": "nsclc", "occurrence": "first"},
              "observation": {"priorDays": 180},
              "inclusion": [
                {"domain": "drug", "conceptSet": "platinum", "window": [-30, 90]},
                {"domain": "condition", "conceptSet": "priorMalignancy", "window": [-365, -1], "require": "absent"}
              ],
              "outcome": {"death": true, "maxDays": 1825},
              "covariates": [
                {"name": "age", "type": "ageAtIndex"},
                {"name": "sex", "type": "sex"},
                {"name": "ldh", "type": "measurement", "conceptSet": "ldh", "window": [-30, 0]}
              ]
            }
            """;

    /** The columns of each table, with their OMOP CDM v5.4 types, in insertion order. */
    static final Map<String, String[]> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("person", new String[] {"person_id integer", "gender_concept_id integer", "year_of_birth integer",
            "race_concept_id integer", "ethnicity_concept_id integer"});
        TABLES.put("observation_period", new String[] {"observation_period_id integer", "person_id integer",
            "observation_period_start_date date", "observation_period_end_date date", "period_type_concept_id integer"});
        TABLES.put("condition_occurrence", new String[] {"condition_occurrence_id integer", "person_id integer",
            "condition_concept_id integer", "condition_start_date date", "condition_type_concept_id integer"});
        TABLES.put("drug_exposure", new String[] {"drug_exposure_id integer", "person_id integer",
            "drug_concept_id integer", "drug_exposure_start_date date", "drug_exposure_end_date date",
            "drug_type_concept_id integer"});
        TABLES.put("measurement", new String[] {"measurement_id integer", "person_id integer",
            "measurement_concept_id integer", "measurement_date date", "value_as_number numeric",
            "measurement_type_concept_id integer"});
        TABLES.put("death", new String[] {"person_id integer", "death_date date", "death_type_concept_id integer"});
    }

    /** One analysis row as the cohort must produce it. */
    public record Row(long personId, double time, double status, double age, double sex, double ldh) {
    }

    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    private final List<Row> expected = new ArrayList<>();
    private long nextId;

    private SyntheticOmop() {
        TABLES.keySet().forEach(table -> rows.put(table, new ArrayList<>()));
    }

    /** A site's data: {@code persons} persons with ids from {@code firstPerson}, from {@code seed}. */
    public static SyntheticOmop generate(long seed, int persons, int firstPerson) {
        SyntheticOmop omop = new SyntheticOmop();
        omop.nextId = firstPerson * 100L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < persons; i++) {
            omop.person(firstPerson + i, random);
        }
        return omop;
    }

    private long id() {
        return ++nextId;
    }

    private void person(long id, SplittableRandom random) {
        boolean male = random.nextBoolean();
        int yearOfBirth = 1935 + random.nextInt(40);
        add("person", id, male ? 8507L : 8532L, (long) yearOfBirth, 8527L, 38003564L);
        LocalDate start = EPOCH.plusDays(random.nextInt(1500));
        LocalDate end = start.plusDays(300 + random.nextInt(3000));
        add("observation_period", id(), id, start, end, 32817L);
        add("condition_occurrence", id(), id, HYPERTENSION, start.plusDays(random.nextInt(200)), 32817L);
        boolean hasCancer = random.nextDouble() < 0.85;
        if (!hasCancer) {
            // the index concept outside the cohort's concept set: never indexed
            add("measurement", id(), id, LDH, start.plusDays(10), 190.5, 32817L);
            return;
        }
        // first diagnosis somewhere in the observation period (sometimes too early for 180 days of prior observation)
        long span = ChronoUnit.DAYS.between(start, end);
        LocalDate index = start.plusDays(random.nextInt((int) Math.max(1, span - 30)));
        long firstCode = random.nextBoolean() ? NSCLC : NSCLC_OTHER_CODE;
        add("condition_occurrence", id(), id, firstCode, index, 32817L);
        // a later record of the diagnosis must not move the index
        add("condition_occurrence", id(), id, NSCLC, index.plusDays(20 + random.nextInt(60)), 32817L);
        boolean platinum = random.nextDouble() < 0.8;
        if (platinum) {
            LocalDate given = index.plusDays(-30 + random.nextInt(121));
            add("drug_exposure", id(), id, random.nextBoolean() ? CISPLATIN : CARBOPLATIN, given, given.plusDays(21),
                    32817L);
        } else if (random.nextBoolean()) {
            LocalDate late = index.plusDays(91 + random.nextInt(100)); // outside the window
            add("drug_exposure", id(), id, CISPLATIN, late, late.plusDays(21), 32817L);
        }
        boolean priorMalignancy = random.nextDouble() < 0.07;
        if (priorMalignancy) {
            add("condition_occurrence", id(), id, EXCLUDED, index.minusDays(1 + random.nextInt(365)), 32817L);
        } else if (random.nextDouble() < 0.05) {
            add("condition_occurrence", id(), id, EXCLUDED, index.minusDays(400), 32817L); // outside the year: kept
        }
        // LDH: the nearest value within [-30, 0] days is the covariate; others are decoys
        double ldh = Math.round((150 + 150 * random.nextDouble()) * 10) / 10.0;
        int nearest = random.nextInt(12);
        add("measurement", id(), id, LDH, index.minusDays(nearest), ldh, 32817L);
        add("measurement", id(), id, LDH, index.minusDays(nearest + 1 + random.nextInt(15)),
                Math.round((150 + 150 * random.nextDouble()) * 10) / 10.0, 32817L);
        add("measurement", id(), id, LDH, index.plusDays(1 + random.nextInt(5)), 999.9, 32817L); // after index
        add("measurement", id(), id, LDH, index.minusDays(40), 888.8, 32817L); // before the window
        // survival: hazard rising with age, male sex and LDH
        double age = index.getYear() - yearOfBirth;
        double hazard = 0.0009 * Math.exp(0.03 * (age - 60) + 0.35 * (male ? 1 : 0) + 0.006 * (ldh - 220));
        long survival = 1 + (long) (-Math.log1p(-random.nextDouble()) / hazard);
        LocalDate death = index.plusDays(survival);
        boolean recorded = !death.isAfter(end) || random.nextDouble() < 0.3; // some deaths after observation ends
        if (recorded) {
            add("death", id, death, 32817L);
        }
        boolean included = hasCancer && platinum && !priorMalignancy
                && ChronoUnit.DAYS.between(start, index) >= 180;
        if (included) {
            LocalDate followUpEnd = end.isBefore(index.plusDays(1825)) ? end : index.plusDays(1825);
            boolean event = recorded && !death.isAfter(followUpEnd);
            LocalDate stop = event ? death : followUpEnd;
            expected.add(new Row(id, ChronoUnit.DAYS.between(index, stop), event ? 1 : 0, age, male ? 1 : 2, ldh));
        }
    }

    private void add(String table, Object... values) {
        rows.get(table).add(values);
    }

    /** The rows the cohort must select, by person id. */
    public List<Row> expected() {
        return List.copyOf(expected);
    }

    /** Creates the tables in {@code schema} (null: the default) and inserts the rows. */
    public void load(Connection connection, String schema) throws SQLException {
        String prefix = schema == null ? "" : schema + ".";
        try (Statement statement = connection.createStatement()) {
            if (schema != null) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            for (Map.Entry<String, String[]> table : TABLES.entrySet()) {
                statement.execute("CREATE TABLE " + prefix + table.getKey() + " (" + String.join(", ", table.getValue())
                        + ")");
            }
        }
        for (Map.Entry<String, String[]> table : TABLES.entrySet()) {
            String[] columns = table.getValue();
            List<String> placeholders = new ArrayList<>();
            for (String column : columns) {
                String type = column.substring(column.indexOf(' ') + 1);
                placeholders.add("CAST(? AS " + type + ")");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + prefix + table.getKey()
                    + " VALUES (" + String.join(", ", placeholders) + ")")) {
                for (Object[] row : rows.get(table.getKey())) {
                    for (int c = 0; c < row.length; c++) {
                        insert.setString(c + 1, row[c].toString());
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** The analysis rows as a CSV file's text, for the file-backed site. */
    public String expectedCsv() {
        StringBuilder csv = new StringBuilder("time,status,age,sex,ldh\n");
        for (Row row : expected) {
            csv.append(row.time()).append(',').append(row.status()).append(',').append(row.age()).append(',')
                    .append(row.sex()).append(',').append(row.ldh()).append('\n');
        }
        return csv.toString();
    }
}
