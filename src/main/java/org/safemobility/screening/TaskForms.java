package org.safemobility.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safemobility.errors.Invalid;
import org.safemobility.workflow.TaskForm;

/**
 * The forms of every capability's user tasks, by activity: a completion's body is read as the activity's form and
 * checked by Bean Validation ({@link #apply}'s {@code @Valid} parameter; each field named in the 400) before the
 * capability applies it. A bean of its own because the check is the method-validation interceptor's, which a call
 * through the generic {@link TaskForm} interface would not pass.
 */
@ApplicationScoped
public class TaskForms {

    private final Map<String, TaskForm<?>> forms;

    @Inject
    ObjectMapper json;

    @Inject
    TaskForms(@All List<TaskForm<?>> forms) {
        this.forms = forms.stream().collect(Collectors.toMap(TaskForm::activity, Function.identity()));
    }

    public Optional<TaskForm<?>> of(String activity) {
        return Optional.ofNullable(forms.get(activity));
    }

    /** The body read as the form's type; absent or of the wrong shape is 400. */
    public <F> F read(TaskForm<F> form, JsonNode body) throws JsonProcessingException {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw Invalid.of("body", "the " + form.activity() + " form is required");
        }
        return json.treeToValue(body, form.type());
    }

    /** Applies a valid form to the case, returning the routing variables the workflow needs. */
    public <F> Map<String, Object> apply(TaskForm<F> form, UUID caseId, @NotNull @Valid F body) {
        return form.apply(caseId, body);
    }
}
