package org.safemobility.screening;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents the body of {@code completeTask} as one of the task forms, whichever capability declares them (each form
 * is a record annotated {@code @Schema(name = "...Form")}): the inbox names no capability's form, so a capability
 * adding a user task adds its form and nothing here.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class TaskFormsDocumentation implements OASFilter {

    static final String OPERATION = "completeTask";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        Schema oneOf = OASFactory.createSchema()
                .description("The form of the task's activity (see the operation's description)");
        openAPI.getComponents().getSchemas().keySet().stream().filter(name -> name.endsWith("Form")).sorted()
                .forEach(name -> oneOf.addOneOf(OASFactory.createSchema().ref(name)));
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (OPERATION.equals(operation.getOperationId())) {
                    operation.setRequestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                            .addMediaType("application/json", OASFactory.createMediaType().schema(oneOf))));
                }
            }
        }
    }
}
