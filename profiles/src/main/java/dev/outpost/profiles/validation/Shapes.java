package dev.outpost.profiles.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.outpost.profiles.model.Required;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of the model, read from the record classes themselves so that the checker, the
 * binder and the published JSON Schema can never disagree with the code.
 */
public final class Shapes {
    private Shapes() {
    }

    /** A record field as it appears in YAML. */
    public record Field(String yamlName, RecordComponent component, boolean required) {
        public Type type() {
            return component.getGenericType();
        }
    }

    public static Map<String, Field> fields(Class<?> record) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            // The annotation lands on the accessor: JsonProperty does not target record components.
            JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
            String name = p != null && !p.value().isEmpty() ? p.value() : c.getName();
            out.put(name, new Field(name, c, c.isAnnotationPresent(Required.class)));
        }
        return out;
    }

    /** YAML spells enum constants in lower case: {@code docker}, {@code bearer}, {@code auto}. */
    public static List<String> enumNames(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) {
            names.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    public static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("unsupported type " + t);
    }

    public static Type typeArgument(Type t, int index) {
        return ((ParameterizedType) t).getActualTypeArguments()[index];
    }
}
