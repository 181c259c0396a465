import { createRequire as __ballastRequire } from 'node:module';
const require = __ballastRequire(import.meta.url);
import{claimFiles,readAndParse}from"./chunk-RGYUHV3J.js";import"./chunk-ZI5JCCI7.js";import"./chunk-Y6LBM2XF.js";export{claimFiles,readAndParse};
