// Run once by the mongo image on first start (docker-entrypoint-initdb.d), as the root user from
// MONGO_INITDB_ROOT_USERNAME / MONGO_INITDB_ROOT_PASSWORD: one user per service, allowed to read and
// write its own database and nothing else. Passwords come from the environment.
const services = ['referrals', 'victims', 'restorative-justice', 'commissioning', 'ops-monitor'];
for (const service of services) {
  const variable = 'MONGO_' + service.toUpperCase().replace(/-/g, '_') + '_PASSWORD';
  const password = process.env[variable];
  if (!password) {
    throw new Error(variable + ' is not set');
  }
  const database = db.getSiblingDB(service);
  if (database.getUser(service) === null) {
    database.createUser({ user: service, pwd: password, roles: [{ role: 'readWrite', db: service }] });
  }
}
print('saferkent: service users created');
