// Confluent's own Node.js client driving every registry feature the CPOR registry claims, for
// ConfluentRegistryContractIntegrationTests:
//   node registry-contract.mjs <registry-url>
// prints one JSON object: for each step, {"value": <what the client returned>} or
// {"error": {"status", "errorCode", "message"}} (a RestError, as the client raises it). The Java test compares them
// field by field with what Confluent's documentation and client expect. Endpoints the client has no method for
// (/mode, /contexts, /schemas, /schemas/guids) go through the client's own RestService, the transport its methods use.
import { createRequire } from 'node:module';
import { AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';

const require = createRequire(import.meta.url);
const { RestService } = require('@confluentinc/schemaregistry/dist/rest-service.js');

const registryUrl = process.argv[2];
const client = new SchemaRegistryClient({ baseURLs: [registryUrl], maxRetries: 0 });
const rest = new RestService([registryUrl], false, undefined, undefined, undefined, 0);
const out = {};

async function step(name, call) {
  try {
    const value = await call();
    out[name] = { value: value === undefined ? null : value };
  } catch (error) {
    out[name] = { error: { status: error.status ?? null, errorCode: error.errorCode ?? null, message: String(error.message) } };
  }
  return out[name].value;
}
const http = async (method, path, body) => (await rest.handleRequest(path, method, body)).data;

const order = (fields) => JSON.stringify({
  type: 'record', name: 'Order', namespace: 'com.example',
  fields: [{ name: 'id', type: 'string' }, ...fields],
});
const ORDER_V1 = order([]);
const ORDER_V2 = order([{ name: 'amount', type: 'double', default: 0.0 }]);
const ORDER_BREAKING = order([{ name: 'customer', type: 'string' }]);
const CONTRACT_V1 = {
  properties: { owner: 'claims', 'application.major.version': '1' },
  tags: { 'com.example.Order.id': ['PII'] },
  sensitive: ['id'],
};
const RULES = {
  domainRules: [{ name: 'idPresent', kind: 'CONDITION', mode: 'WRITE', type: 'CEL', expr: "message.id != ''", onFailure: 'NONE' }],
  migrationRules: [{ name: 'renameField', kind: 'TRANSFORM', mode: 'UPGRADE', type: 'JSONATA', expr: '$' }],
};

// Registration with a data contract, read back every way the client can.
const registered = await step('registerWithContract', () => client.registerFullResponse('orders-value',
  { schemaType: 'AVRO', schema: ORDER_V1, metadata: CONTRACT_V1, ruleSet: RULES }));
await step('registerAgainAnswersTheId', () => client.register('orders-value',
  { schemaType: 'AVRO', schema: ORDER_V1, metadata: CONTRACT_V1, ruleSet: RULES }));
await step('bySubjectAndId', () => client.getBySubjectAndId('orders-value', registered.id));
await step('latest', () => client.getLatestSchemaMetadata('orders-value'));
await step('version1', () => client.getSchemaMetadata('orders-value', 1));
await step('idOfSchema', () => client.getId('orders-value',
  { schemaType: 'AVRO', schema: ORDER_V1, metadata: CONTRACT_V1, ruleSet: RULES }));
await step('versionOfSchema', () => client.getVersion('orders-value',
  { schemaType: 'AVRO', schema: ORDER_V1, metadata: CONTRACT_V1, ruleSet: RULES }));

// The same schema with other metadata is a new version; without metadata it is the latest one.
await step('sameSchemaOtherMetadata', () => client.registerFullResponse('orders-value', {
  schemaType: 'AVRO', schema: ORDER_V1,
  metadata: { properties: { owner: 'claims', 'application.major.version': '2' } },
}));
await step('sameSchemaNoMetadataInherits', () => client.registerFullResponse('orders-value',
  { schemaType: 'AVRO', schema: ORDER_V1 }));
await step('latestWithMajor1', () => client.getLatestWithMetadata('orders-value', { 'application.major.version': '1' }));
await step('latestWithOwner', () => client.getLatestWithMetadata('orders-value', { owner: 'claims' }));
await step('latestWithUnknown', () => client.getLatestWithMetadata('orders-value', { owner: 'nobody' }));
await step('allVersions', () => client.getAllVersions('orders-value'));

// Configs: normalize, compatibility group, default and override contracts.
await step('updateConfig', () => client.updateConfig('grouped-value', {
  compatibility: 'BACKWARD', normalize: true, compatibilityGroup: 'application.major.version',
  defaultMetadata: { properties: { team: 'cpor' } },
  overrideRuleSet: { domainRules: [{ name: 'audited', type: 'CEL', mode: 'READ', expr: 'true' }] },
}));
await step('getConfig', () => client.getConfig('grouped-value'));
await step('groupMajor1', () => client.registerFullResponse('grouped-value',
  { schemaType: 'AVRO', schema: ORDER_V1, metadata: { properties: { 'application.major.version': '1' } } }));
await step('breakingInSameGroup', () => client.registerFullResponse('grouped-value',
  { schemaType: 'AVRO', schema: ORDER_BREAKING, metadata: { properties: { 'application.major.version': '1' } } }));
await step('breakingInNewGroup', () => client.registerFullResponse('grouped-value',
  { schemaType: 'AVRO', schema: ORDER_BREAKING, metadata: { properties: { 'application.major.version': '2' } } }));
await step('updateNormalizingConfig', () => client.updateConfig('normalized-value', { normalize: true }));
const propsBA = JSON.stringify({ type: 'record', name: 'Tagged', fields: [{ name: 'a', type: 'int' }], 'x-b': 1, 'x-a': 2 });
const propsAB = JSON.stringify({ type: 'record', name: 'Tagged', fields: [{ name: 'a', type: 'int' }], 'x-a': 2, 'x-b': 1 });
await step('normalizedFirst', () => client.registerFullResponse('normalized-value', { schemaType: 'AVRO', schema: propsBA }));
await step('normalizedSecond', () => client.registerFullResponse('normalized-value', { schemaType: 'AVRO', schema: propsAB }));
await step('normalizeOnRequest', () => client.registerFullResponse('asked-value', { schemaType: 'AVRO', schema: propsBA }, true));
await step('lookupNormalized', () => client.getVersion('asked-value', { schemaType: 'AVRO', schema: propsAB }, true));
await step('updateDefaultConfig', () => client.updateDefaultConfig({ compatibility: 'BACKWARD', normalize: false }));
await step('getDefaultConfig', () => client.getDefaultConfig());

// Compatibility levels and checks.
await step('updateCompatibility', () => client.updateCompatibility('orders-value', 'FULL'));
await step('getCompatibility', () => client.getCompatibility('orders-value'));
await step('updateDefaultCompatibility', () => client.updateDefaultCompatibility('BACKWARD'));
await step('getDefaultCompatibility', () => client.getDefaultCompatibility());
await step('compatibleWithLatest', () => client.testSubjectCompatibility('orders-value', { schemaType: 'AVRO', schema: ORDER_V2 }));
await step('breakingWithLatest', () => client.testSubjectCompatibility('orders-value', { schemaType: 'AVRO', schema: ORDER_BREAKING }));
await step('compatibleWithVersion1', () => client.testCompatibility('orders-value', 1, { schemaType: 'AVRO', schema: ORDER_V2 }));
await step('compatibilityOfMissingVersion', () => client.testCompatibility('orders-value', 99, { schemaType: 'AVRO', schema: ORDER_V2 }));
await step('registerIncompatible', () => client.register('orders-value', { schemaType: 'AVRO', schema: ORDER_BREAKING }));

// Refusals with Confluent's codes.
await step('unknownSubject', () => client.getLatestSchemaMetadata('nobody-value'));
await step('unknownVersion', () => client.getSchemaMetadata('orders-value', 42));
await step('unknownId', () => client.getBySubjectAndId('orders-value', 9999));
await step('unregisteredSchema', () => client.getId('orders-value', { schemaType: 'AVRO', schema: ORDER_V2 }));
await step('invalidSchema', () => client.register('orders-value', { schemaType: 'AVRO', schema: '{"type":"record"}' }));
await step('invalidVersion', () => http('GET', '/subjects/orders-value/versions/first'));
await step('invalidRuleSet', () => client.register('orders-value', { schemaType: 'AVRO', schema: ORDER_V2,
  ruleSet: { domainRules: [{ name: 'noType', mode: 'WRITE' }] } }));
await step('migrationRuleInDomainMode', () => client.register('orders-value', { schemaType: 'AVRO', schema: ORDER_V2,
  ruleSet: { migrationRules: [{ name: 'wrong', type: 'JSONATA', mode: 'WRITE' }] } }));

// Endpoints without a client method, through the client's transport.
await step('contexts', () => http('GET', '/contexts'));
await step('schemas', () => http('GET', '/schemas?subjectPrefix=orders'));
await step('schemasLatestOnly', () => http('GET', '/schemas?subjectPrefix=orders&latestOnly=true'));
await step('versionsOfId', () => http('GET', `/schemas/ids/${registered.id}/versions`));
await step('byGuid', () => http('GET', `/schemas/guids/${registered.guid}`));
await step('setReadOnly', () => http('PUT', '/mode/orders-value', { mode: 'READONLY' }));
await step('modeOfSubject', () => http('GET', '/mode/orders-value'));
await step('registerNewWhileReadOnly', () => client.register('orders-value', { schemaType: 'AVRO', schema: ORDER_V2 }));
await step('registerExistingWhileReadOnly', () => client.register('orders-value',
  { schemaType: 'AVRO', schema: ORDER_V1, metadata: CONTRACT_V1, ruleSet: RULES }));
await step('deleteWhileReadOnly', () => client.deleteSubjectVersion('orders-value', 1));
await step('configWhileReadOnly', () => client.updateCompatibility('orders-value', 'NONE'));
await step('invalidMode', () => http('PUT', '/mode/orders-value', { mode: 'SOMETIMES' }));
await step('clearMode', () => http('DELETE', '/mode/orders-value'));
await step('globalMode', () => http('GET', '/mode'));

// Soft and permanent deletes.
await step('softDeleteVersion1', () => client.deleteSubjectVersion('orders-value', 1));
await step('versionsAfterSoftDelete', () => client.getAllVersions('orders-value'));
await step('deletedVersion1', () => client.getSchemaMetadata('orders-value', 1, true));
await step('liveVersion1', () => http('GET', '/subjects/orders-value/versions/1'));
await step('versionOfDeletedSchema', () => client.getVersion('orders-value',
  { schemaType: 'AVRO', schema: ORDER_V1, metadata: CONTRACT_V1, ruleSet: RULES }, false, true));
await step('softDeleteVersion1Again', () => client.deleteSubjectVersion('orders-value', 1));
await step('hardDeleteLiveVersion', () => client.deleteSubjectVersion('orders-value', 2, true));
await step('hardDeleteVersion1', () => client.deleteSubjectVersion('orders-value', 1, true));
await step('hardDeleteLiveSubject', () => client.deleteSubject('orders-value', true));
await step('softDeleteSubject', () => client.deleteSubject('orders-value'));
await step('softDeleteSubjectAgain', () => client.deleteSubject('orders-value'));
await step('subjectsAfterSoftDelete', () => client.getAllSubjects());
await step('hardDeleteSubject', () => client.deleteSubject('orders-value', true));
await step('subjectAfterHardDelete', () => client.getAllVersions('orders-value'));

// The serde with data contracts: writes with the version chosen by metadata, keeps the contract's rules.
const READING = JSON.stringify({ type: 'record', name: 'Reading', namespace: 'io.cpor.test',
  fields: [{ name: 'sensor', type: 'string' }] });
const READING_V2 = JSON.stringify({ type: 'record', name: 'Reading', namespace: 'io.cpor.test',
  fields: [{ name: 'sensor', type: 'string' }, { name: 'site', type: 'string', default: 'unknown' }] });
await step('readingsV1', () => client.registerFullResponse('readings-value', { schemaType: 'AVRO', schema: READING,
  metadata: { properties: { 'application.major.version': '1' } } }));
await step('readingsV2', () => client.registerFullResponse('readings-value', { schemaType: 'AVRO', schema: READING_V2,
  metadata: { properties: { 'application.major.version': '2' } } }));
const serializer = new AvroSerializer(client, SerdeType.VALUE,
  { useLatestWithMetadata: { 'application.major.version': '1' } });
const written = await step('serializeWithMajor1', async () =>
  Buffer.from(await serializer.serialize('readings', { sensor: 'door' })).toString('hex'));
const deserializer = new AvroDeserializer(client, SerdeType.VALUE,
  { useLatestWithMetadata: { 'application.major.version': '2' } });
await step('deserializeAsMajor2', async () => deserializer.deserialize('readings', Buffer.from(written, 'hex')));

process.stdout.write(JSON.stringify(out, (key, v) => (typeof v === 'bigint' ? v.toString() : v)));
