import { createRequire as __ballastRequire } from 'node:module';
const require = __ballastRequire(import.meta.url);
import{claimFiles,readAndParse}from"./chunk-7L4OS7VF.js";import"./chunk-5WKYWEUE.js";import"./chunk-Y6LBM2XF.js";export{claimFiles,readAndParse};
