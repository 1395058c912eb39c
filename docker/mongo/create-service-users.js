// Run once by the mongo image on first start (docker-entrypoint-initdb.d), as the root user from
// MONGO_INITDB_ROOT_USERNAME / MONGO_INITDB_ROOT_PASSWORD; safe to run again on a running stack (it only adds
// what is missing): docker compose exec mongodb sh -c 'mongosh -u root -p "$MONGO_INITDB_ROOT_PASSWORD"
// --authenticationDatabase admin /docker-entrypoint-initdb.d/10-create-service-users.js'
//
// Per service, two users, and one for the identity server (below). Passwords come from the environment.
// - <service>: reads and writes its own database <service> and nothing else.
// - <service>-audit: the audit trail, in a database of its own (<service>-audit, collection audit_trail), with a
//   custom role that may find and insert entries (and create the collection and its indexes) but never update
//   or remove one. The service writes its trail as this user (SAFERKENT_AUDIT_MONGODB_URI); the service's own
//   user has no privilege at all on that database. MongoDB privileges only add up (there is no "deny"), so a
//   database of its own is how the main user is kept off the trail.
const services = ['referrals', 'victims', 'restorative-justice', 'commissioning', 'ops-monitor', 'partnership'];
const AUDIT_COLLECTION = 'audit_trail';
const AUDIT_ROLE = 'auditAppendOnly';

function passwordOf(variable) {
  const password = process.env[variable];
  if (!password) {
    throw new Error(variable + ' is not set');
  }
  return password;
}

for (const service of services) {
  const prefix = 'MONGO_' + service.toUpperCase().replace(/-/g, '_');
  const password = passwordOf(prefix + '_PASSWORD');
  const auditPassword = passwordOf(prefix + '_AUDIT_PASSWORD');

  const database = db.getSiblingDB(service);
  if (database.getUser(service) === null) {
    database.createUser({ user: service, pwd: password, roles: [{ role: 'readWrite', db: service }] });
  }

  const auditDbName = service + '-audit';
  const auditDb = db.getSiblingDB(auditDbName);
  const privileges = [{
    resource: { db: auditDbName, collection: AUDIT_COLLECTION },
    actions: ['find', 'insert', 'createCollection', 'createIndex', 'listIndexes']
  }];
  if (auditDb.getRole(AUDIT_ROLE) === null) {
    auditDb.createRole({ role: AUDIT_ROLE, privileges: privileges, roles: [] });
  } else {
    auditDb.updateRole(AUDIT_ROLE, { privileges: privileges, roles: [] });
  }
  const auditUser = service + '-audit';
  if (auditDb.getUser(auditUser) === null) {
    auditDb.createUser({ user: auditUser, pwd: auditPassword, roles: [{ role: AUDIT_ROLE, db: auditDbName }] });
  }
}
// The identity server: its own database (its signing key, sealed, and the authorizations in flight), no audit trail.
const identityDb = db.getSiblingDB('identity');
if (identityDb.getUser('identity') === null) {
  identityDb.createUser({ user: 'identity', pwd: passwordOf('MONGO_IDENTITY_PASSWORD'), roles: [{ role: 'readWrite', db: 'identity' }] });
}
print('saferkent: service users, audit users and the identity user created');
