import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the descriptors of tribuo-core.proto and everything it imports, taken from the classes
 * in the Tribuo and OLCUT jars, as a FileDescriptorSet for protoc's --descriptor_set_in. The
 * jars do not ship all of the .proto sources, so this is how protoc learns the imported types.
 */
public final class DumpDescriptors {
    public static void main(String[] args) throws Exception {
        Map<String, FileDescriptor> files = new LinkedHashMap<>();
        collect(org.tribuo.protos.core.TribuoCore.getDescriptor(), files);
        FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
        files.values().forEach(f -> set.addFile(f.toProto()));
        try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            set.build().writeTo(out);
        }
    }

    /** Dependencies first, as protoc expects. */
    private static void collect(FileDescriptor file, Map<String, FileDescriptor> files) {
        for (FileDescriptor dep : file.getDependencies()) {
            collect(dep, files);
        }
        files.putIfAbsent(file.getName(), file);
    }
}
