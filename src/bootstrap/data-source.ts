// Data source for the TypeORM CLI (`npm run migration:*`): the same database the app would use,
// the embedded PostgreSQL included, which is stopped again when the CLI destroys the data source.
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment.js';
import { openDatabaseServer } from './database-server.js';
import { typeOrmOptions } from './typeorm-options.js';

async function createCliDataSource(): Promise<DataSource> {
  const env = loadEnvironment(process.env);
  const server = await openDatabaseServer(env);
  const dataSource = new DataSource(typeOrmOptions(server.url, { migrationsRun: false, poolSize: 2 }));
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await destroy();
    await server.stop();
  };
  return dataSource;
}

export default createCliDataSource();
