package io.daybreak.methods.biomarker.penalized;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.Table;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.Requester;
import io.daybreak.federation.site.SiteNode;

/**
 * In-process site nodes serving dataset "enet" with the elastic net's site step and coordinator, each with its own
 * audit log, for the federated elastic-net tests; tables and logs are closed after each test.
 */
abstract class EnetSiteNodes {
    static final Requester RESEARCHER = Requester.researcher("CN=researcher,O=Daybreak");

    @TempDir
    Path dir;
    BufferAllocator allocator;
    private final List<AuditLog> logs = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() throws IOException {
        for (AuditLog log : logs) {
            log.close();
        }
        tables.forEach(Table::close);
        allocator.close();
    }

    /** Closes the table after the test. */
    Table keep(Table table) {
        tables.add(table);
        return table;
    }

    SiteNode node(String name, Table data, DisclosurePolicy policy) throws IOException {
        AuditLog log = AuditLog.open(dir.resolve(name + ".audit"), Clock.systemUTC());
        logs.add(log);
        SiteNode node = new SiteNode(name, Map.of("enet", data), Set.of(ElasticNetSiteStep.METHOD),
                List.of(new ElasticNetSiteStep()), List.<FederatedMethod>of(new ElasticNetFederatedMethod()), policy, log,
                allocator);
        node.authorize(Set.of("researcher"));
        return node;
    }
}
