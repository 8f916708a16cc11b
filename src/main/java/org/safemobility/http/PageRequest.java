package org.safemobility.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page of a list a client asks for, {@code ?page=0&size=20}, the same on every list of the API. A resource takes
 * it as {@code @BeanParam @Valid PageRequest paging}: the parameter converters answer 400 for a page that is not a
 * number, Bean Validation for one out of range (the problem names {@code page} or {@code size}).
 */
public class PageRequest {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @Min(value = 0, message = "must be between 0 and " + MAX_PAGE)
    @Max(value = MAX_PAGE, message = "must be between 0 and " + MAX_PAGE)
    @Parameter(description = "Page number, from 0",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0"))
    public Integer page;

    @QueryParam("size")
    @Min(value = 1, message = "must be between 1 and " + MAX_SIZE)
    @Max(value = MAX_SIZE, message = "must be between 1 and " + MAX_SIZE)
    @Parameter(description = "Page size, 1 to 100",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    public Integer size;

    public int page() {
        return page == null ? 0 : page;
    }

    public int size() {
        return size == null ? DEFAULT_SIZE : size;
    }
}
