package io.daybreak.methods.stats.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.FederatedRun;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.methods.stats.survival.CoxFederatedMethod;
import io.daybreak.methods.stats.survival.KaplanMeierFederatedMethod;

/**
 * CDISC ADaM time-to-event datasets at the sites (AVAL; CNSR with 1 = censored) are analysed across sites with the
 * defaults the local methods apply, decided from the dataset's column names before the analysis opens and carried by
 * its specification: the lung data coded as ADaM give what R gives on lung ({@code survfit(Surv(time, status) ~ sex,
 * lung)}: medians 270 and 426; overall 310 with 165 deaths), and the same Cox fit as the lung coding named explicitly.
 */
class FederatedAdamDefaultsTest extends FederatedTestSupport {
    private final List<Table> adamTables = new ArrayList<>();

    @AfterEach
    void closeTables() {
        adamTables.forEach(Table::close);
    }

    @Test
    void kaplanMeierAndCoxDefaultToAvalAndCnsrWithTheSpecificationSayingSo() throws Exception {
        LocalSites sites = adamSites(false);
        FederatedRun.Result all = run(new KaplanMeierFederatedMethod(), sites, Map.of());
        assertEquals(Map.of("time", "AVAL", "status", "CNSR", "eventValue", "0"), all.analysis().parameters(),
                "the defaults are explicit in what the sites replayed and the certificate records");
        assertEquals(165L, all.outcome().summary().get("events"));
        assertEquals(63L, all.outcome().summary().get("censored"));
        assertEquals(310.0, doubles(all.outcome().summary().get("median"))[0]);
        Map<String, Object> bySex = run(new KaplanMeierFederatedMethod(), sites, Map.of("groupBy", "SEX")).outcome()
                .summary();
        assertEquals(270.0, doubles(bySex.get("median"))[0]);
        assertEquals(426.0, doubles(bySex.get("median"))[1]);
        Map<String, Object> adam = run(new CoxFederatedMethod(), sites, Map.of("covariates", "AGE,SEX")).outcome()
                .summary();
        Map<String, Object> named = run(new CoxFederatedMethod(), sites,
                Map.of("covariates", "AGE,SEX", "time", "AVAL", "status", "CNSR", "eventValue", "0")).outcome().summary();
        assertEquals(doubles(named.get("coefficients"))[0], doubles(adam.get("coefficients"))[0], 0.0);
        assertEquals(doubles(named.get("coefficients"))[1], doubles(adam.get("coefficients"))[1], 0.0);
        // R: coxph(Surv(time, status) ~ age + sex, lung): age 0.017045, sex -0.513219
        assertEquals(0.017045, doubles(adam.get("coefficients"))[0], 5e-7);
        assertEquals(-0.513219, doubles(adam.get("coefficients"))[1], 5e-7);
    }

    @Test
    void aDatasetStillHoldingParamcdIsRefusedUnlessTheColumnsAreNamed() throws Exception {
        LocalSites sites = adamSites(true);
        InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                () -> run(new KaplanMeierFederatedMethod(), sites, Map.of()));
        assertTrue(refused.getMessage().contains("holds ADaM's PARAMCD"), refused.getMessage());
        FederatedRun.Result named = run(new KaplanMeierFederatedMethod(), sites,
                Map.of("time", "AVAL", "status", "CNSR", "eventValue", "0"));
        assertEquals(165L, named.outcome().summary().get("events"));
    }

    private FederatedRun.Result run(FederatedMethod method, LocalSites sites, Map<String, String> parameters) {
        return FederatedRun.run(method, sites, parameters, allocator, false, Map.of());
    }

    /** Three sites serving the lung rows coded as an ADaM ADTTE: AVAL = time, CNSR = 1 unless dead, AGE, SEX. */
    private LocalSites adamSites(boolean withParamcd) throws IOException {
        DisclosurePolicy exactCox = survivalPolicy(1).withMinRiskSetChange(1).withMinCellCount(1);
        try (Table lung = CsvReader.read(data(LUNG), allocator)) {
            List<SiteNode> nodes = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                Table site = siteTable(lung, s, Integer.MAX_VALUE);
                List<Object> aval = new ArrayList<>();
                List<Object> cnsr = new ArrayList<>();
                List<Object> age = new ArrayList<>();
                List<Object> sex = new ArrayList<>();
                List<Object> paramcd = new ArrayList<>();
                for (int i = 0; i < site.rowCount(); i++) {
                    aval.add(site.doubles("time").get(i));
                    cnsr.add(site.doubles("status").get(i) == 2 ? 0.0 : 1.0);
                    age.add(site.doubles("age").get(i));
                    sex.add(site.doubles("sex").get(i));
                    paramcd.add("OS");
                }
                var builder = Table.builder(allocator).add("AVAL", ColumnType.FLOAT64, aval)
                        .add("CNSR", ColumnType.FLOAT64, cnsr).add("AGE", ColumnType.FLOAT64, age)
                        .add("SEX", ColumnType.FLOAT64, sex);
                if (withParamcd) {
                    builder.add("PARAMCD", ColumnType.STRING, paramcd);
                }
                Table adtte = builder.build();
                adamTables.add(adtte);
                nodes.add(node("site" + s, adtte, exactCox));
            }
            return new LocalSites(nodes, "lung", RESEARCHER, allocator);
        }
    }
}
