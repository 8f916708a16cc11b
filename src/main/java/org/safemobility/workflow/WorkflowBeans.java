package org.safemobility.workflow;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.cdi.impl.util.ProgrammaticBeanLookup;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * Resolves the beans the workflows name ({@code ${taskQueue}}, {@code ${deadlines.durations['…']}}) in place of
 * Camunda's {@code CdiResolver}, which on every evaluation first looks the BeanManager up in JNDI (two lookups, each
 * failing with an exception on Quarkus, which has no JNDI) and then asks ArC for the beans of that name, a question
 * ArC answers by going through all of its beans. A registration names beans three or four times (issue 16). This asks
 * once per name: a bean of a normal scope is kept as its client proxy, which reaches the current instance on every
 * call; a bean of another scope is looked up on every evaluation as Camunda does, so that a dependent instance is
 * still released with its command. Names that are no bean are remembered too (beans do not appear at run time).
 */
final class WorkflowBeans extends ELResolver {

    /** What a name was found to be, once: no bean, or a bean with its client proxy (null: not of a normal scope). */
    private record Named(Bean<?> bean, Object proxy) {
        static final Named NONE = new Named(null, null);
    }

    private final BeanManager beans;
    private final ConcurrentMap<String, Named> byName = new ConcurrentHashMap<>();

    WorkflowBeans(BeanManager beans) {
        this.beans = beans;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base != null || property == null) {
            return null;
        }
        String name = property.toString();
        Named named = named(name);
        if (named.bean() == null) {
            return null;
        }
        context.setPropertyResolved(true);
        return named.proxy() != null ? named.proxy() : ProgrammaticBeanLookup.lookup(name, beans);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (base == null && property != null && named(property.toString()).bean() != null) {
            context.setPropertyResolved(true);
            return true;
        }
        return false;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base == null && property != null && named(property.toString()).bean() != null) {
            throw new ProcessEngineException("Cannot set value of '" + property + "': it is a bean");
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? Object.class : null;
    }

    /** The bean of that name (an enabled alternative before the default, as CDI resolves it), asked once. */
    private Named named(String name) {
        return byName.computeIfAbsent(name, n -> {
            Bean<?> bean = beans.resolve(beans.getBeans(n));
            if (bean == null) {
                return Named.NONE;
            }
            return new Named(bean, beans.isNormalScope(bean.getScope())
                    ? beans.getReference(bean, Object.class, beans.createCreationalContext(bean)) : null);
        });
    }
}
