#!/usr/bin/env bash
# Regenerates org.npt4j.tribuo.protos from src/main/resources/protos/npt4j-tribuo.proto with
# protoc 3.25.6 (from Maven Central), matching Tribuo 4.3.2's protobuf-java. The output is
# committed, as Tribuo does with its own protos; run this after changing the .proto.
set -euo pipefail
cd "$(dirname "$0")"
PROTOC_VERSION=3.25.6
mvn -q dependency:copy -Dartifact=com.google.protobuf:protoc:${PROTOC_VERSION}:exe:linux-x86_64 -DoutputDirectory=target/protoc
PROTOC=target/protoc/protoc-${PROTOC_VERSION}-linux-x86_64.exe
chmod +x "$PROTOC"
mvn -q dependency:build-classpath -Dmdep.outputFile=target/protoc/classpath.txt -Dmdep.includeScope=compile
java -cp "$(cat target/protoc/classpath.txt)" src/build/DumpDescriptors.java target/protoc/deps.pb
"$PROTOC" --descriptor_set_in=target/protoc/deps.pb --proto_path=src/main/resources/protos \
  --java_out=src/main/java npt4j-tribuo.proto
echo "generated into src/main/java/org/npt4j/tribuo/protos"
