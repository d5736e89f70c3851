package dev.outpost.desktop.cli;

import dev.outpost.profiles.Runtime;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

final class RuntimeConverter implements ITypeConverter<Runtime> {
    @Override
    public Runtime convert(String value) {
        try {
            return Runtime.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
