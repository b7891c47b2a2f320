// Jest loads global set-up outside its module system: register swc's ESM loader, then run the TypeScript.
import '@swc-node/register/esm-register';

const { default: run } = await import('./global-teardown.ts');
export default run;
