package org.safemobility.workflow;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.cdi.impl.event.CdiEventSupportBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.CommandContextFunctions;
import org.camunda.bpm.engine.impl.el.DateTimeFunctions;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.quarkus.engine.extension.QuarkusProcessEngineConfiguration;

/**
 * The engine's configuration as the Camunda Quarkus extension documents it: a CDI bean of this type replaces its
 * default, and {@code quarkus.camunda.generic-config.*} still applies on top. Two plugins change what the extension
 * would otherwise do (issue 16, where a profile of registrations showed both):
 *
 * <ul>
 * <li>{@link WithoutCdiEventBridge}: the extension always installs a parse listener that fires a CDI event for every
 * activity started, ended or taken and every task event. Nothing here observes them (the service's own listeners are
 * on the model), yet each made ArC resolve observers at run time: about thirty per registration.</li>
 * <li>{@link HistoryLevelMigration}: the service keeps the engine's history at level {@code audit} (process, activity,
 * task and variable instances: all it reads). {@code full} added every variable update again as a detail row, the job
 * log and the identity-link history, about a third of a registration's engine rows; who did what to a case is the
 * service's own audit trail. A database the engine set up at {@code full} is moved down before the engine checks it.</li>
 * <li>{@link Expressions}: the beans the workflows name are found once per name ({@link WorkflowBeans}), not through
 * JNDI and all of ArC's beans on every evaluation.</li>
 * <li>The JDK's own {@link DatatypeFactory} named: the engine creates one for every timer whose duration it resolves,
 * and without the property {@code DatatypeFactory.newInstance()} searches every jar for a provider each time.</li>
 * </ul>
 */
@Singleton
public class EngineConfiguration extends QuarkusProcessEngineConfiguration {

    @Inject
    BeanManager beanManager;

    public EngineConfiguration() {
        getProcessEnginePlugins().add(new WithoutCdiEventBridge());
        getProcessEnginePlugins().add(new HistoryLevelMigration());
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }

    /**
     * The CDI extension's configuration installs its own manager here whatever was set before, and the engine then
     * gives it four functions; this installs {@link Expressions} and gives it the same four.
     */
    @Override
    protected void initExpressionManager() {
        expressionManager = new Expressions(beanManager);
        expressionManager.addFunction(CommandContextFunctions.CURRENT_USER,
                ReflectUtil.getMethod(CommandContextFunctions.class, CommandContextFunctions.CURRENT_USER));
        expressionManager.addFunction(CommandContextFunctions.CURRENT_USER_GROUPS,
                ReflectUtil.getMethod(CommandContextFunctions.class, CommandContextFunctions.CURRENT_USER_GROUPS));
        expressionManager.addFunction(DateTimeFunctions.NOW,
                ReflectUtil.getMethod(DateTimeFunctions.class, DateTimeFunctions.NOW));
        expressionManager.addFunction(DateTimeFunctions.DATE_TIME,
                ReflectUtil.getMethod(DateTimeFunctions.class, DateTimeFunctions.DATE_TIME));
    }

    /**
     * Camunda's {@code CdiExpressionManager}, resolver for resolver and in the same order (a process variable hides a
     * bean of the same name), with {@link WorkflowBeans} where it has its {@code CdiResolver}.
     */
    static final class Expressions extends JuelExpressionManager {

        private final BeanManager beans;

        Expressions(BeanManager beans) {
            this.beans = beans;
        }

        @Override
        protected ELResolver createElResolver() {
            CompositeELResolver resolver = new CompositeELResolver();
            resolver.add(new VariableScopeElResolver());
            resolver.add(new VariableContextElResolver());
            resolver.add(new WorkflowBeans(beans));
            resolver.add(new ArrayELResolver());
            resolver.add(new ListELResolver());
            resolver.add(new MapELResolver());
            resolver.add(new BeanELResolver());
            return resolver;
        }
    }

    /** Runs after the extension has added the bridge's parse listener and before any model is parsed. */
    static final class WithoutCdiEventBridge extends AbstractProcessEnginePlugin {
        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            if (configuration.getCustomPostBPMNParseListeners() != null) {
                configuration.getCustomPostBPMNParseListeners()
                        .removeIf(CdiEventSupportBpmnParseListener.class::isInstance);
            }
        }
    }

    /**
     * The engine refuses to start when its configured history level differs from the one its database recorded
     * (property {@code historyLevel}). Going down from {@code full} to {@code audit} loses nothing already written, so
     * this records the configured level in place of {@code full} after the configuration is complete and before the
     * engine's own check runs (in the engine's construction). Any other difference is left for the engine to refuse.
     * A replica of an older version, configured {@code full}, would then refuse to start on this database: roll back
     * by setting the property back to 3 (see docs/configuration.md).
     */
    static final class HistoryLevelMigration extends AbstractProcessEnginePlugin {
        /** The ids the engine records for its levels (HistoryLevel.HISTORY_LEVEL_AUDIT and _FULL). */
        static final String AUDIT = "2";
        static final String FULL = "3";

        @Override
        public void postInit(ProcessEngineConfigurationImpl configuration) {
            if (!ProcessEngineConfigurationImpl.HISTORY_AUDIT.equals(configuration.getHistory())) {
                return;
            }
            try (Connection connection = configuration.getDataSource().getConnection()) {
                if (!engineTablesExist(connection)) {
                    return; // a new database: the engine records the configured level itself
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "update ACT_GE_PROPERTY set VALUE_ = ?, REV_ = REV_ + 1 where NAME_ = 'historyLevel' and VALUE_ = ?")) {
                    update.setString(1, AUDIT);
                    update.setString(2, FULL);
                    update.executeUpdate();
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException e) {
                throw new ProcessEngineException("could not record history level audit in place of full", e);
            }
        }

        private static boolean engineTablesExist(Connection connection) throws SQLException {
            try (var tables = connection.getMetaData().getTables(null, null, "act_ge_property", null)) {
                return tables.next();
            }
        }
    }
}
