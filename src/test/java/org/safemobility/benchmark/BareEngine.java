package org.safemobility.benchmark;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * The baseline intake is compared with: the same engine (Camunda 7, history full, job executor on) on the same
 * PostgreSQL, with nothing of ours around it, doing what a registration must do at the least: insert one row and start
 * a one-task process, in one transaction (a nested engine call joins the command's connection and commits with it).
 */
final class BareEngine implements AutoCloseable {

    private final ProcessEngine engine;
    private final ProcessEngineConfigurationImpl configuration;

    BareEngine(String jdbc, int connections) {
        StandaloneProcessEngineConfiguration c = new StandaloneProcessEngineConfiguration();
        c.setJdbcUrl(jdbc);
        c.setJdbcDriver("org.postgresql.Driver");
        c.setJdbcUsername("smo");
        c.setJdbcPassword("");
        c.setJdbcMaxActiveConnections(connections + 2);
        c.setJdbcMaxIdleConnections(connections + 2);
        c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        c.setJobExecutorActivate(true);
        c.setProcessEngineName("bare-" + UUID.randomUUID());
        configuration = c;
        engine = c.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("bare.bpmn", Bpmn.createExecutableProcess("bare").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("task").endEvent().done())
                .deploy();
        configuration.getCommandExecutorTxRequired().execute((Command<Void>) context -> {
            try (var st = context.getDbSqlSession().getSqlSession().getConnection().createStatement()) {
                st.execute("create table if not exists bare_case (id uuid primary key, name text not null, "
                        + "created_at timestamptz not null default now())");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    /** One registration's worth: a row and a process, committed together. */
    void register(int n) {
        configuration.getCommandExecutorTxRequired().execute((Command<Void>) context -> {
            UUID id = UUID.randomUUID();
            try (PreparedStatement st = context.getDbSqlSession().getSqlSession().getConnection()
                    .prepareStatement("insert into bare_case (id, name) values (?, ?)")) {
                st.setObject(1, id);
                st.setString(2, "applicant " + n);
                st.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            engine.getRuntimeService().startProcessInstanceByKey("bare", id.toString());
            return null;
        });
    }

    /** Sorted latencies (ns) of registrations by {@code clients} threads for {@code duration}. */
    long[] run(int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < clients; w++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        register(next.getAndIncrement());
                        latencies.add(System.nanoTime() - started);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    @Override
    public void close() {
        engine.close();
    }
}
