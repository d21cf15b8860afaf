package dev.firebrigade.internal.transport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;

import java.io.IOException;
import java.util.Collection;

/**
 * Jackson's own deserializer for a record, with a lighter loop for the plain case. Jackson builds a record through
 * its general property-based creator: a hash lookup per field name, a {@code PropertyValueBuffer} per object, and
 * unknown fields copied into a token buffer before they are dropped. The client-bound benchmark showed decoding a
 * create's answer (eight records) as a quarter of the client's time, a third of it that machinery. Here a field name
 * is found among the record's components by identity (Jackson interns names), values go into a plain array, unknown
 * fields are skipped in place, and the record is built by the same {@code ValueInstantiator}; every value is still
 * read by the component's own deserializer (enums with {@code UNKNOWN}, timestamps, nested records), with Jackson's
 * error wrapping. Anything beyond the plain case (any-setters, injection, object ids, views, aliases, required
 * properties, unknown fields that must fail or reach a problem handler) takes Jackson's path unchanged.
 */
final class RecordDeserializer extends BeanDeserializer {
    private static final long serialVersionUID = 1L;

    /** Installs it for every record that Jackson builds with its plain bean deserializer. */
    static final class Modifier extends BeanDeserializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            return description.getType().isRecordType() && deserializer.getClass() == BeanDeserializer.class
                    ? new RecordDeserializer((BeanDeserializer) deserializer) : deserializer;
        }
    }

    /** The creator's properties by constructor position (at most 64) and their names, interned; null: not plain. */
    private transient SettableBeanProperty[] components;
    private transient String[] names;

    private RecordDeserializer(BeanDeserializer jacksons) {
        super(jacksons);
    }

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        super.resolve(context);
        components = null;
        names = null;
        if (_propertyBasedCreator == null || _anySetter != null || _injectables != null || _objectIdReader != null
                || _externalTypeIdHandler != null || _unwrappedPropertyHandler != null || _needViewProcesing
                || _includableProps != null || _ignorableProps != null && !_ignorableProps.isEmpty()) {
            return;
        }
        Collection<SettableBeanProperty> properties = _propertyBasedCreator.properties();
        if (properties.size() > Long.SIZE) {
            return;
        }
        var byIndex = new SettableBeanProperty[properties.size()];
        for (SettableBeanProperty property : properties) {
            int index = property.getCreatorIndex();
            if (index < 0 || index >= byIndex.length || byIndex[index] != null || property.isRequired()
                    || property.getInjectableValueId() != null
                    || !property.findAliases(context.getConfig()).isEmpty()) {
                return;
            }
            byIndex[index] = property;
        }
        var interned = new String[byIndex.length];
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i] == null) {
                return;
            }
            interned[i] = byIndex[i].getName().intern();
        }
        components = byIndex;
        names = interned;
    }

    @Override
    protected Object _deserializeUsingPropertyBased(JsonParser parser, DeserializationContext context)
            throws IOException {
        SettableBeanProperty[] properties = components;
        if (properties == null || context.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                || context.isEnabled(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                || context.isEnabled(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                || context.getConfig().getProblemHandlers() != null) {
            return super._deserializeUsingPropertyBased(parser, context);
        }
        Object[] values = new Object[properties.length];
        long given = 0; // bit i: component i was in the JSON
        for (JsonToken token = parser.currentToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            int index = indexOf(name);
            if (index < 0) {
                parser.skipChildren(); // an unknown field: incident.io adds fields without notice
                continue;
            }
            values[index] = _deserializeWithErrorWrapping(parser, context, properties[index]);
            given |= 1L << index;
        }
        for (int i = 0; i < properties.length; i++) {
            if ((given & 1L << i) == 0) {
                values[i] = absent(properties[i], context);
            }
        }
        Object record;
        try {
            record = _valueInstantiator.createFromObjectWith(context, values);
        } catch (Exception e) {
            return wrapInstantiationProblem(e, context);
        }
        if (record == null) {
            return context.handleInstantiationProblem(handledType(), null, _creatorReturnedNullException());
        }
        return record;
    }

    /** Whether the plain loop applies once resolved, for tests. */
    boolean plain() {
        return components != null;
    }

    /** The component named {@code name}, or -1: by identity first (names from the parser are interned). */
    private int indexOf(String name) {
        String[] known = names;
        for (int i = 0; i < known.length; i++) {
            if (known[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < known.length; i++) {
            if (known[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** What Jackson gives a component missing from the JSON: its null provider's absent value, else its deserializer's. */
    private static Object absent(SettableBeanProperty property, DeserializationContext context)
            throws JsonMappingException {
        try {
            Object value = property.getNullValueProvider().getAbsentValue(context);
            return value != null ? value : property.getValueDeserializer().getAbsentValue(context);
        } catch (JsonMappingException e) {
            if (property.getMember() != null) {
                e.prependPath(property.getMember().getDeclaringClass(), property.getName());
            }
            throw e;
        }
    }
}
