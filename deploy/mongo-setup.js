// docker-compose.yml's MongoDB replica set, made ready by mongo-1's health check (run until it passes, and after
// that as the check itself): initiate the set once, create the root user once (through the localhost exception,
// before any user exists), and give each service a user of its own database only. Healthy when this member is the
// primary and every user exists. Passwords come from the environment; none has a default.
const members = ['mongo-1:27017', 'mongo-2:27017', 'mongo-3:27017'].map((host, id) => ({_id: id, host: host}));
try {
  rs.status();
} catch (notYetInitiated) {
  rs.initiate({_id: 'rs0', members: members});
}
if (!db.hello().isWritablePrimary) {
  quit(1);
}
const admin = db.getSiblingDB('admin');
const rootPassword = process.env.MONGO_ROOT_PASSWORD;
if (db.runCommand({connectionStatus: 1}).authInfo.authenticatedUsers.length === 0) {
  try {
    admin.createUser({user: 'root', pwd: rootPassword, roles: ['root']});
  } catch (existsAlready) {
    // A later run: the localhost exception is closed, so log in.
  }
  admin.auth('root', rootPassword);
}
for (const [database, variable] of [['claims', 'MONGO_CLAIMS_PASSWORD'], ['validations', 'MONGO_VALIDATIONS_PASSWORD'],
    ['notifications', 'MONGO_NOTIFICATIONS_PASSWORD'], ['associations', 'MONGO_ASSOCIATIONS_PASSWORD']]) {
  const target = db.getSiblingDB(database);
  if (target.getUser(database) === null) {
    target.createUser({user: database, pwd: process.env[variable], roles: [{role: 'readWrite', db: database}]});
  }
}
quit(0);
