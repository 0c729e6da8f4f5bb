// Confluent's own Node.js client against the CPOR schema registry, for the Java cross-client tests.
//   node cross-client.mjs serialize <registry-url> <topic> <value-json>   prints the record bytes as hex
//   node cross-client.mjs deserialize <registry-url> <topic> <hex>        prints the value as JSON
//   node cross-client.mjs register <registry-url> <subject> <avro-schema>  prints the schema id
//   node cross-client.mjs latest <registry-url> <subject>                  prints the latest version as JSON
// The serializer writes with the subject's latest schema (as a validator tool does against a registered
// contract). Subject names come from the client's default strategy: it asks the registry for an association
// first and falls back to TopicNameStrategy (<topic>-value) on a 404.
import { AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';

const [command, registryUrl, topic, argument] = process.argv.slice(2);
const client = new SchemaRegistryClient({ baseURLs: [registryUrl] });

try {
  if (command === 'serialize') {
    const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
    const bytes = await serializer.serialize(topic, JSON.parse(argument));
    process.stdout.write(Buffer.from(bytes).toString('hex'));
  } else if (command === 'deserialize') {
    const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
    const value = await deserializer.deserialize(topic, Buffer.from(argument, 'hex'));
    process.stdout.write(JSON.stringify(value, (key, v) => (typeof v === 'bigint' ? v.toString() : v)));
  } else if (command === 'register') {
    process.stdout.write(String(await client.register(topic, { schemaType: 'AVRO', schema: argument })));
  } else if (command === 'latest') {
    process.stdout.write(JSON.stringify(await client.getLatestSchemaMetadata(topic)));
  } else {
    throw new Error(`unknown command ${command}`);
  }
} catch (error) {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
}
