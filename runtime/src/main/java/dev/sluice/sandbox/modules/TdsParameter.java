package dev.sluice.sandbox.modules;

/**
 * One named parameter of a request, as {@code request.addParameter(name, TYPES.X, value, options)} gave it.
 *
 * @param name the name without {@code @}
 * @param type the tedious type name ({@code VarChar}, {@code NVarChar}, {@code Int}, {@code Bit},
 *             {@code UniqueIdentifier}, {@code DateTime}, ...)
 * @param declaration the SQL type of the parameter, as tedious declares it to {@code sp_executesql}
 *                    ({@code varchar(5)}, {@code int}, ...)
 * @param value a string, number, boolean or null; dates as ISO-8601 local date-time text (already in the time zone
 *              the connection's {@code useUTC} implies), binary values as base64
 */
public record TdsParameter(String name, String type, String declaration, Object value) {
}
