// @ts-nocheck
// Generated from schema/*.schema.json by tools/generators/schemaValidators.ts (npm run generate). Do not edit.
export const validatePack = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://termguard.dev/schema/termguard-pack.schema.json","title":"Termguard rule pack","description":"Wording rules, word sets, approved phrases and glossary entries checked by Termguard.","type":"object","additionalProperties":false,"required":["pack"],"properties":{"pack":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","description":"The pack's name, used in messages and in `pack:NAME` severity overrides."},"description":{"type":"string"},"documentation":{"type":"string","description":"Base URL of the rule documentation; a rule's link is this URL followed by `#` and the rule id with `/` replaced by `-`, a glossary entry's is this URL followed by `#term-` and the entry id. Diagnostics, hovers, `termguard explain` and SARIF use these links; the rules of a pack without `documentation` get none."},"sets":{"type":"object","description":"Named word sets. Each member is a pattern; patterns refer to a set as `@name` and to a built-in meaning class (see `termguard explain class:NAME`) as `%name`.","propertyNames":{"pattern":"^[a-z0-9][a-z0-9-]*$"},"additionalProperties":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}}},"approved":{"type":"array","description":"Approved phrases (patterns). A banned match inside an approved phrase is not reported, and set members inside one do not satisfy a rule's conditions.","items":{"type":"string","minLength":1}},"rules":{"type":"array","items":{"$ref":"#/definitions/rule"}},"glossary":{"type":"array","items":{"$ref":"#/definitions/glossaryEntry"}}},"definitions":{"severity":{"enum":["error","warning","information","hint"]},"rule":{"type":"object","additionalProperties":false,"required":["id","category","severity","message","reason"],"if":{"required":["claim-model"]},"else":{"required":["patterns"]},"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$","description":"A unique id of the form `group/name`."},"category":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$"},"severity":{"$ref":"#/definitions/severity"},"message":{"type":"string","description":"What was found and what to write instead. `{match}` is replaced by the matched words."},"reason":{"type":"string","description":"One sentence: why the wording is a problem."},"alternatives":{"type":"array","items":{"type":"string"},"description":"The approved wording to use instead."},"claim-model":{"enum":["access","calls-on","availability"],"description":"Instead of patterns: report the sentences that Termguard's built-in claim model reads as this kind of claim about an OpenAI model (see docs/claim-model.md). Such a rule has no patterns, conditions or fixes; it runs only where no other rule of its category reported the sentence."},"patterns":{"type":"array","minItems":1,"items":{"oneOf":[{"type":"string","minLength":1},{"type":"object","additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","minLength":1},"fixes":{"type":"boolean","description":"Whether the rule's fixes apply to matches of this pattern (default true). Turn off for word orders the rewrite cannot keep grammatical."}}}]}},"conditions":{"$ref":"#/definitions/conditions"},"yields-to":{"type":"array","items":{"type":"string"},"description":"Ids of rules whose findings win over this rule's where their words overlap, so that one claim is reported once, under one category."},"fixes":{"type":"array","items":{"$ref":"#/definitions/fix"}},"examples":{"type":"object","additionalProperties":false,"properties":{"bad":{"type":"array","items":{"type":"string"}},"good":{"type":"array","items":{"type":"string"}},"fixed":{"type":"array","description":"Pairs of a bad sentence and the text expected after applying the first fix.","items":{"type":"object","additionalProperties":false,"required":["from","to"],"properties":{"from":{"type":"string"},"to":{"type":"string"}}}}}}}},"conditions":{"type":"object","additionalProperties":false,"properties":{"sentence-mentions":{"type":"array","items":{"type":"string"},"description":"Word sets of which the sentence must name at least one member outside an approved phrase."},"unless-sentence-mentions":{"type":"array","items":{"type":"string"},"description":"Word sets whose members, named anywhere in the sentence, silence the rule there (\"calls GPT-4o through Azure\": Azure is the sanctioned route)."},"not-negated":{"type":"boolean","description":"Stay silent when the claim is negated (not, never, no, cannot, ...)."},"outside-approved":{"type":"boolean","description":"Word-set members inside approved phrases do not count towards the pattern (default true)."},"not-followed-by":{"type":"array","items":{"type":"string"},"description":"Word sets whose members must not come right after the match (\"calls on ChatGPT customers\" is about people, not the model)."},"unless-quoted-with":{"type":"array","items":{"type":"string"},"description":"Word sets that talk about wording (write, avoid, phrase, instead, ...). A match whose words stand inside quotation marks is not reported when the sentence names a member of one of these sets outside the quotation: the sentence mentions the wording rather than using it."}}},"fix":{"type":"object","additionalProperties":false,"required":["replace"],"properties":{"replace":{"type":"string","description":"Replacement for the focus of the match. Its first word is conjugated to the form of the replaced verb unless `inflect` is false."},"title":{"type":"string"},"inflect":{"type":"boolean"},"keep-case":{"type":"boolean","description":"Keep the case of the first letter of the replaced text (default true)."}}},"glossaryEntry":{"type":"object","additionalProperties":false,"required":["id","term","forms","definition"],"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$"},"term":{"type":"string"},"forms":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}},"definition":{"type":"string"},"facts":{"type":"array","items":{"type":"string"}},"guidance":{"type":"string"}}}}};
const schema16 = {"type":"object","additionalProperties":false,"required":["id","term","forms","definition"],"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$"},"term":{"type":"string"},"forms":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}},"definition":{"type":"string"},"facts":{"type":"array","items":{"type":"string"}},"guidance":{"type":"string"}}};
const pattern0 = new RegExp("^[a-z0-9][a-z0-9-]*$", "u");
const func2 = require("ajv/dist/runtime/ucs2length").default;
const schema12 = {"type":"object","additionalProperties":false,"required":["id","category","severity","message","reason"],"if":{"required":["claim-model"]},"else":{"required":["patterns"]},"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$","description":"A unique id of the form `group/name`."},"category":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$"},"severity":{"$ref":"#/definitions/severity"},"message":{"type":"string","description":"What was found and what to write instead. `{match}` is replaced by the matched words."},"reason":{"type":"string","description":"One sentence: why the wording is a problem."},"alternatives":{"type":"array","items":{"type":"string"},"description":"The approved wording to use instead."},"claim-model":{"enum":["access","calls-on","availability"],"description":"Instead of patterns: report the sentences that Termguard's built-in claim model reads as this kind of claim about an OpenAI model (see docs/claim-model.md). Such a rule has no patterns, conditions or fixes; it runs only where no other rule of its category reported the sentence."},"patterns":{"type":"array","minItems":1,"items":{"oneOf":[{"type":"string","minLength":1},{"type":"object","additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","minLength":1},"fixes":{"type":"boolean","description":"Whether the rule's fixes apply to matches of this pattern (default true). Turn off for word orders the rewrite cannot keep grammatical."}}}]}},"conditions":{"$ref":"#/definitions/conditions"},"yields-to":{"type":"array","items":{"type":"string"},"description":"Ids of rules whose findings win over this rule's where their words overlap, so that one claim is reported once, under one category."},"fixes":{"type":"array","items":{"$ref":"#/definitions/fix"}},"examples":{"type":"object","additionalProperties":false,"properties":{"bad":{"type":"array","items":{"type":"string"}},"good":{"type":"array","items":{"type":"string"}},"fixed":{"type":"array","description":"Pairs of a bad sentence and the text expected after applying the first fix.","items":{"type":"object","additionalProperties":false,"required":["from","to"],"properties":{"from":{"type":"string"},"to":{"type":"string"}}}}}}}};
const schema13 = {"enum":["error","warning","information","hint"]};
const schema14 = {"type":"object","additionalProperties":false,"properties":{"sentence-mentions":{"type":"array","items":{"type":"string"},"description":"Word sets of which the sentence must name at least one member outside an approved phrase."},"unless-sentence-mentions":{"type":"array","items":{"type":"string"},"description":"Word sets whose members, named anywhere in the sentence, silence the rule there (\"calls GPT-4o through Azure\": Azure is the sanctioned route)."},"not-negated":{"type":"boolean","description":"Stay silent when the claim is negated (not, never, no, cannot, ...)."},"outside-approved":{"type":"boolean","description":"Word-set members inside approved phrases do not count towards the pattern (default true)."},"not-followed-by":{"type":"array","items":{"type":"string"},"description":"Word sets whose members must not come right after the match (\"calls on ChatGPT customers\" is about people, not the model)."},"unless-quoted-with":{"type":"array","items":{"type":"string"},"description":"Word sets that talk about wording (write, avoid, phrase, instead, ...). A match whose words stand inside quotation marks is not reported when the sentence names a member of one of these sets outside the quotation: the sentence mentions the wording rather than using it."}}};
const schema15 = {"type":"object","additionalProperties":false,"required":["replace"],"properties":{"replace":{"type":"string","description":"Replacement for the focus of the match. Its first word is conjugated to the form of the replaced verb unless `inflect` is false."},"title":{"type":"string"},"inflect":{"type":"boolean"},"keep-case":{"type":"boolean","description":"Keep the case of the first letter of the replaced text (default true)."}}};
const func4 = Object.prototype.hasOwnProperty;
const pattern2 = new RegExp("^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$", "u");

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data["claim-model"] === undefined) && (missing0 = "claim-model")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
if(!_valid0){
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.patterns === undefined){
const err1 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "patterns"},message:"must have required property '"+"patterns"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
valid0 = _valid0;
}
if(!valid0){
const err2 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: "else"},message:"must match \"else\" schema"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.category === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "category"},message:"must have required property '"+"category"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.severity === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "severity"},message:"must have required property '"+"severity"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.message === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.reason === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key0 in data){
if(!(func4.call(schema12.properties, key0))){
const err8 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(!pattern2.test(data0)){
const err9 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$"+"\""};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.category !== undefined){
let data1 = data.category;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err11 = {instancePath:instancePath+"/category",schemaPath:"#/properties/category/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/category",schemaPath:"#/properties/category/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.severity !== undefined){
let data2 = data.severity;
if(!((((data2 === "error") || (data2 === "warning")) || (data2 === "information")) || (data2 === "hint"))){
const err13 = {instancePath:instancePath+"/severity",schemaPath:"#/definitions/severity/enum",keyword:"enum",params:{allowedValues: schema13.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.message !== undefined){
if(typeof data.message !== "string"){
const err14 = {instancePath:instancePath+"/message",schemaPath:"#/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.reason !== undefined){
if(typeof data.reason !== "string"){
const err15 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.alternatives !== undefined){
let data5 = data.alternatives;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
if(typeof data5[i0] !== "string"){
const err16 = {instancePath:instancePath+"/alternatives/" + i0,schemaPath:"#/properties/alternatives/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/alternatives",schemaPath:"#/properties/alternatives/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data["claim-model"] !== undefined){
let data7 = data["claim-model"];
if(!(((data7 === "access") || (data7 === "calls-on")) || (data7 === "availability"))){
const err18 = {instancePath:instancePath+"/claim-model",schemaPath:"#/properties/claim-model/enum",keyword:"enum",params:{allowedValues: schema12.properties["claim-model"].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.patterns !== undefined){
let data8 = data.patterns;
if(Array.isArray(data8)){
if(data8.length < 1){
const err19 = {instancePath:instancePath+"/patterns",schemaPath:"#/properties/patterns/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
const _errs23 = errors;
let valid7 = false;
let passing0 = null;
const _errs24 = errors;
if(typeof data9 === "string"){
if(func2(data9) < 1){
const err20 = {instancePath:instancePath+"/patterns/" + i1,schemaPath:"#/properties/patterns/items/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/patterns/" + i1,schemaPath:"#/properties/patterns/items/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var _valid1 = _errs24 === errors;
if(_valid1){
valid7 = true;
passing0 = 0;
}
const _errs26 = errors;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.pattern === undefined){
const err22 = {instancePath:instancePath+"/patterns/" + i1,schemaPath:"#/properties/patterns/items/oneOf/1/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
for(const key1 in data9){
if(!((key1 === "pattern") || (key1 === "fixes"))){
const err23 = {instancePath:instancePath+"/patterns/" + i1,schemaPath:"#/properties/patterns/items/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data9.pattern !== undefined){
let data10 = data9.pattern;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err24 = {instancePath:instancePath+"/patterns/" + i1+"/pattern",schemaPath:"#/properties/patterns/items/oneOf/1/properties/pattern/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/patterns/" + i1+"/pattern",schemaPath:"#/properties/patterns/items/oneOf/1/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data9.fixes !== undefined){
if(typeof data9.fixes !== "boolean"){
const err26 = {instancePath:instancePath+"/patterns/" + i1+"/fixes",schemaPath:"#/properties/patterns/items/oneOf/1/properties/fixes/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/patterns/" + i1,schemaPath:"#/properties/patterns/items/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var _valid1 = _errs26 === errors;
if(_valid1 && valid7){
valid7 = false;
passing0 = [passing0, 1];
}
else {
if(_valid1){
valid7 = true;
passing0 = 1;
}
}
if(!valid7){
const err28 = {instancePath:instancePath+"/patterns/" + i1,schemaPath:"#/properties/patterns/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
else {
errors = _errs23;
if(vErrors !== null){
if(_errs23){
vErrors.length = _errs23;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err29 = {instancePath:instancePath+"/patterns",schemaPath:"#/properties/patterns/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.conditions !== undefined){
let data12 = data.conditions;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key2 in data12){
if(!((((((key2 === "sentence-mentions") || (key2 === "unless-sentence-mentions")) || (key2 === "not-negated")) || (key2 === "outside-approved")) || (key2 === "not-followed-by")) || (key2 === "unless-quoted-with"))){
const err30 = {instancePath:instancePath+"/conditions",schemaPath:"#/definitions/conditions/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data12["sentence-mentions"] !== undefined){
let data13 = data12["sentence-mentions"];
if(Array.isArray(data13)){
const len2 = data13.length;
for(let i2=0; i2<len2; i2++){
if(typeof data13[i2] !== "string"){
const err31 = {instancePath:instancePath+"/conditions/sentence-mentions/" + i2,schemaPath:"#/definitions/conditions/properties/sentence-mentions/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/conditions/sentence-mentions",schemaPath:"#/definitions/conditions/properties/sentence-mentions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data12["unless-sentence-mentions"] !== undefined){
let data15 = data12["unless-sentence-mentions"];
if(Array.isArray(data15)){
const len3 = data15.length;
for(let i3=0; i3<len3; i3++){
if(typeof data15[i3] !== "string"){
const err33 = {instancePath:instancePath+"/conditions/unless-sentence-mentions/" + i3,schemaPath:"#/definitions/conditions/properties/unless-sentence-mentions/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/conditions/unless-sentence-mentions",schemaPath:"#/definitions/conditions/properties/unless-sentence-mentions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data12["not-negated"] !== undefined){
if(typeof data12["not-negated"] !== "boolean"){
const err35 = {instancePath:instancePath+"/conditions/not-negated",schemaPath:"#/definitions/conditions/properties/not-negated/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data12["outside-approved"] !== undefined){
if(typeof data12["outside-approved"] !== "boolean"){
const err36 = {instancePath:instancePath+"/conditions/outside-approved",schemaPath:"#/definitions/conditions/properties/outside-approved/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data12["not-followed-by"] !== undefined){
let data19 = data12["not-followed-by"];
if(Array.isArray(data19)){
const len4 = data19.length;
for(let i4=0; i4<len4; i4++){
if(typeof data19[i4] !== "string"){
const err37 = {instancePath:instancePath+"/conditions/not-followed-by/" + i4,schemaPath:"#/definitions/conditions/properties/not-followed-by/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/conditions/not-followed-by",schemaPath:"#/definitions/conditions/properties/not-followed-by/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data12["unless-quoted-with"] !== undefined){
let data21 = data12["unless-quoted-with"];
if(Array.isArray(data21)){
const len5 = data21.length;
for(let i5=0; i5<len5; i5++){
if(typeof data21[i5] !== "string"){
const err39 = {instancePath:instancePath+"/conditions/unless-quoted-with/" + i5,schemaPath:"#/definitions/conditions/properties/unless-quoted-with/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath:instancePath+"/conditions/unless-quoted-with",schemaPath:"#/definitions/conditions/properties/unless-quoted-with/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/conditions",schemaPath:"#/definitions/conditions/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data["yields-to"] !== undefined){
let data23 = data["yields-to"];
if(Array.isArray(data23)){
const len6 = data23.length;
for(let i6=0; i6<len6; i6++){
if(typeof data23[i6] !== "string"){
const err42 = {instancePath:instancePath+"/yields-to/" + i6,schemaPath:"#/properties/yields-to/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/yields-to",schemaPath:"#/properties/yields-to/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.fixes !== undefined){
let data25 = data.fixes;
if(Array.isArray(data25)){
const len7 = data25.length;
for(let i7=0; i7<len7; i7++){
let data26 = data25[i7];
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
if(data26.replace === undefined){
const err44 = {instancePath:instancePath+"/fixes/" + i7,schemaPath:"#/definitions/fix/required",keyword:"required",params:{missingProperty: "replace"},message:"must have required property '"+"replace"+"'"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
for(const key3 in data26){
if(!((((key3 === "replace") || (key3 === "title")) || (key3 === "inflect")) || (key3 === "keep-case"))){
const err45 = {instancePath:instancePath+"/fixes/" + i7,schemaPath:"#/definitions/fix/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data26.replace !== undefined){
if(typeof data26.replace !== "string"){
const err46 = {instancePath:instancePath+"/fixes/" + i7+"/replace",schemaPath:"#/definitions/fix/properties/replace/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data26.title !== undefined){
if(typeof data26.title !== "string"){
const err47 = {instancePath:instancePath+"/fixes/" + i7+"/title",schemaPath:"#/definitions/fix/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data26.inflect !== undefined){
if(typeof data26.inflect !== "boolean"){
const err48 = {instancePath:instancePath+"/fixes/" + i7+"/inflect",schemaPath:"#/definitions/fix/properties/inflect/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data26["keep-case"] !== undefined){
if(typeof data26["keep-case"] !== "boolean"){
const err49 = {instancePath:instancePath+"/fixes/" + i7+"/keep-case",schemaPath:"#/definitions/fix/properties/keep-case/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
else {
const err50 = {instancePath:instancePath+"/fixes/" + i7,schemaPath:"#/definitions/fix/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/fixes",schemaPath:"#/properties/fixes/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data.examples !== undefined){
let data31 = data.examples;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
for(const key4 in data31){
if(!(((key4 === "bad") || (key4 === "good")) || (key4 === "fixed"))){
const err52 = {instancePath:instancePath+"/examples",schemaPath:"#/properties/examples/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data31.bad !== undefined){
let data32 = data31.bad;
if(Array.isArray(data32)){
const len8 = data32.length;
for(let i8=0; i8<len8; i8++){
if(typeof data32[i8] !== "string"){
const err53 = {instancePath:instancePath+"/examples/bad/" + i8,schemaPath:"#/properties/examples/properties/bad/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/examples/bad",schemaPath:"#/properties/examples/properties/bad/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data31.good !== undefined){
let data34 = data31.good;
if(Array.isArray(data34)){
const len9 = data34.length;
for(let i9=0; i9<len9; i9++){
if(typeof data34[i9] !== "string"){
const err55 = {instancePath:instancePath+"/examples/good/" + i9,schemaPath:"#/properties/examples/properties/good/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
else {
const err56 = {instancePath:instancePath+"/examples/good",schemaPath:"#/properties/examples/properties/good/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data31.fixed !== undefined){
let data36 = data31.fixed;
if(Array.isArray(data36)){
const len10 = data36.length;
for(let i10=0; i10<len10; i10++){
let data37 = data36[i10];
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
if(data37.from === undefined){
const err57 = {instancePath:instancePath+"/examples/fixed/" + i10,schemaPath:"#/properties/examples/properties/fixed/items/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if(data37.to === undefined){
const err58 = {instancePath:instancePath+"/examples/fixed/" + i10,schemaPath:"#/properties/examples/properties/fixed/items/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
for(const key5 in data37){
if(!((key5 === "from") || (key5 === "to"))){
const err59 = {instancePath:instancePath+"/examples/fixed/" + i10,schemaPath:"#/properties/examples/properties/fixed/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data37.from !== undefined){
if(typeof data37.from !== "string"){
const err60 = {instancePath:instancePath+"/examples/fixed/" + i10+"/from",schemaPath:"#/properties/examples/properties/fixed/items/properties/from/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data37.to !== undefined){
if(typeof data37.to !== "string"){
const err61 = {instancePath:instancePath+"/examples/fixed/" + i10+"/to",schemaPath:"#/properties/examples/properties/fixed/items/properties/to/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
else {
const err62 = {instancePath:instancePath+"/examples/fixed/" + i10,schemaPath:"#/properties/examples/properties/fixed/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
else {
const err63 = {instancePath:instancePath+"/examples/fixed",schemaPath:"#/properties/examples/properties/fixed/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
else {
const err64 = {instancePath:instancePath+"/examples",schemaPath:"#/properties/examples/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
else {
const err65 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://termguard.dev/schema/termguard-pack.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.pack === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "pack"},message:"must have required property '"+"pack"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "pack") || (key0 === "description")) || (key0 === "documentation")) || (key0 === "sets")) || (key0 === "approved")) || (key0 === "rules")) || (key0 === "glossary"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.pack !== undefined){
let data0 = data.pack;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err2 = {instancePath:instancePath+"/pack",schemaPath:"#/properties/pack/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\""};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/pack",schemaPath:"#/properties/pack/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.description !== undefined){
if(typeof data.description !== "string"){
const err4 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.documentation !== undefined){
if(typeof data.documentation !== "string"){
const err5 = {instancePath:instancePath+"/documentation",schemaPath:"#/properties/documentation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.sets !== undefined){
let data3 = data.sets;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
const _errs10 = errors;
if(typeof key1 === "string"){
if(!pattern0.test(key1)){
const err6 = {instancePath:instancePath+"/sets",schemaPath:"#/properties/sets/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\"",propertyName:key1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var valid1 = _errs10 === errors;
if(!valid1){
const err7 = {instancePath:instancePath+"/sets",schemaPath:"#/properties/sets/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
for(const key2 in data3){
let data4 = data3[key2];
if(Array.isArray(data4)){
if(data4.length < 1){
const err8 = {instancePath:instancePath+"/sets/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/sets/additionalProperties/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err9 = {instancePath:instancePath+"/sets/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/properties/sets/additionalProperties/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/sets/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/properties/sets/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/sets/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/sets/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/sets",schemaPath:"#/properties/sets/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.approved !== undefined){
let data6 = data.approved;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(typeof data7 === "string"){
if(func2(data7) < 1){
const err13 = {instancePath:instancePath+"/approved/" + i1,schemaPath:"#/properties/approved/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/approved/" + i1,schemaPath:"#/properties/approved/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/approved",schemaPath:"#/properties/approved/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.rules !== undefined){
let data8 = data.rules;
if(Array.isArray(data8)){
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
if(!(validate11(data8[i2], {instancePath:instancePath+"/rules/" + i2,parentData:data8,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err16 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.glossary !== undefined){
let data10 = data.glossary;
if(Array.isArray(data10)){
const len3 = data10.length;
for(let i3=0; i3<len3; i3++){
let data11 = data10[i3];
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.id === undefined){
const err17 = {instancePath:instancePath+"/glossary/" + i3,schemaPath:"#/definitions/glossaryEntry/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data11.term === undefined){
const err18 = {instancePath:instancePath+"/glossary/" + i3,schemaPath:"#/definitions/glossaryEntry/required",keyword:"required",params:{missingProperty: "term"},message:"must have required property '"+"term"+"'"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data11.forms === undefined){
const err19 = {instancePath:instancePath+"/glossary/" + i3,schemaPath:"#/definitions/glossaryEntry/required",keyword:"required",params:{missingProperty: "forms"},message:"must have required property '"+"forms"+"'"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data11.definition === undefined){
const err20 = {instancePath:instancePath+"/glossary/" + i3,schemaPath:"#/definitions/glossaryEntry/required",keyword:"required",params:{missingProperty: "definition"},message:"must have required property '"+"definition"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key3 in data11){
if(!((((((key3 === "id") || (key3 === "term")) || (key3 === "forms")) || (key3 === "definition")) || (key3 === "facts")) || (key3 === "guidance"))){
const err21 = {instancePath:instancePath+"/glossary/" + i3,schemaPath:"#/definitions/glossaryEntry/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data11.id !== undefined){
let data12 = data11.id;
if(typeof data12 === "string"){
if(!pattern0.test(data12)){
const err22 = {instancePath:instancePath+"/glossary/" + i3+"/id",schemaPath:"#/definitions/glossaryEntry/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\""};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/glossary/" + i3+"/id",schemaPath:"#/definitions/glossaryEntry/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data11.term !== undefined){
if(typeof data11.term !== "string"){
const err24 = {instancePath:instancePath+"/glossary/" + i3+"/term",schemaPath:"#/definitions/glossaryEntry/properties/term/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data11.forms !== undefined){
let data14 = data11.forms;
if(Array.isArray(data14)){
if(data14.length < 1){
const err25 = {instancePath:instancePath+"/glossary/" + i3+"/forms",schemaPath:"#/definitions/glossaryEntry/properties/forms/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
const len4 = data14.length;
for(let i4=0; i4<len4; i4++){
let data15 = data14[i4];
if(typeof data15 === "string"){
if(func2(data15) < 1){
const err26 = {instancePath:instancePath+"/glossary/" + i3+"/forms/" + i4,schemaPath:"#/definitions/glossaryEntry/properties/forms/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/glossary/" + i3+"/forms/" + i4,schemaPath:"#/definitions/glossaryEntry/properties/forms/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/glossary/" + i3+"/forms",schemaPath:"#/definitions/glossaryEntry/properties/forms/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data11.definition !== undefined){
if(typeof data11.definition !== "string"){
const err29 = {instancePath:instancePath+"/glossary/" + i3+"/definition",schemaPath:"#/definitions/glossaryEntry/properties/definition/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data11.facts !== undefined){
let data17 = data11.facts;
if(Array.isArray(data17)){
const len5 = data17.length;
for(let i5=0; i5<len5; i5++){
if(typeof data17[i5] !== "string"){
const err30 = {instancePath:instancePath+"/glossary/" + i3+"/facts/" + i5,schemaPath:"#/definitions/glossaryEntry/properties/facts/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/glossary/" + i3+"/facts",schemaPath:"#/definitions/glossaryEntry/properties/facts/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data11.guidance !== undefined){
if(typeof data11.guidance !== "string"){
const err32 = {instancePath:instancePath+"/glossary/" + i3+"/guidance",schemaPath:"#/definitions/glossaryEntry/properties/guidance/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/glossary/" + i3,schemaPath:"#/definitions/glossaryEntry/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/glossary",schemaPath:"#/properties/glossary/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

export const validateConfig = validate13;
const schema17 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://termguard.dev/schema/termguard-config.schema.json","title":"Termguard configuration (.termguard.yaml)","description":"Project configuration for Termguard. Configs are found by walking up from each checked file; nearer configs override farther ones, and `root: true` stops the walk.","type":"object","additionalProperties":false,"properties":{"root":{"type":"boolean","description":"Stop looking for configs in parent folders.","default":false},"builtin":{"type":"boolean","description":"Include Termguard's built-in rule packs.","default":true},"packs":{"type":"array","description":"Rule-pack files (`*.termguard.yaml`) to load, relative to this config file. Packs of nested configs add to those of parent configs.","items":{"type":"string","minLength":1},"uniqueItems":true},"rules":{"type":"object","description":"Severity overrides, keyed by rule id or `category:NAME`. Nearer configs override farther ones key by key.","propertyNames":{"minLength":1},"additionalProperties":{"type":"string","enum":["off","hint","information","warning","error"]}},"claim-model":{"type":"boolean","description":"Run the built-in claim model beside the rules (its rules are memo/likely-access, memo/likely-calls-on and memo/likely-availability). Set to false to keep to the rules' findings only.","default":true},"ignore":{"type":"array","description":"Glob patterns, relative to this config file's folder, of files not to check.","items":{"type":"string","minLength":1}},"kinds":{"type":"array","description":"Kinds of document that folder walks check besides the prose kinds (markdown, plaintext, mdx, html, asciidoc, rst, notebook, gitcommit): `python`, `typescript` and other kinds of source code (comments and user-facing strings), `vue`, `svelte`, or `json` and `yaml` for locale files. Kinds of nested configs add to those of parent configs.","items":{"$ref":"#/definitions/documentKind"},"uniqueItems":true},"readers":{"type":"object","description":"Glob patterns, relative to this config file's folder, with the kind of document their files are read as, such as `\"scripts/**/*.py\": python`. Folder walks check the files they match. Globs of nearer configs are tried first.","propertyNames":{"minLength":1},"additionalProperties":{"$ref":"#/definitions/documentKind"}}},"definitions":{"documentKind":{"type":"string","description":"A kind of document: a prose format, `json` or `yaml` (locale files), or a kind of source code named by its VS Code language id.","enum":["markdown","plaintext","mdx","html","vue","svelte","asciidoc","rst","gitcommit","notebook","json","yaml","typescript","typescriptreact","javascript","javascriptreact","python","go","java","csharp","rust","ruby","shellscript"]}}};
const schema18 = {"type":"string","description":"A kind of document: a prose format, `json` or `yaml` (locale files), or a kind of source code named by its VS Code language id.","enum":["markdown","plaintext","mdx","html","vue","svelte","asciidoc","rst","gitcommit","notebook","json","yaml","typescript","typescriptreact","javascript","javascriptreact","python","go","java","csharp","rust","ruby","shellscript"]};
const func0 = require("ajv/dist/runtime/equal").default;

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://termguard.dev/schema/termguard-config.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((((key0 === "root") || (key0 === "builtin")) || (key0 === "packs")) || (key0 === "rules")) || (key0 === "claim-model")) || (key0 === "ignore")) || (key0 === "kinds")) || (key0 === "readers"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.root !== undefined){
if(typeof data.root !== "boolean"){
const err1 = {instancePath:instancePath+"/root",schemaPath:"#/properties/root/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.builtin !== undefined){
if(typeof data.builtin !== "boolean"){
const err2 = {instancePath:instancePath+"/builtin",schemaPath:"#/properties/builtin/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.packs !== undefined){
let data2 = data.packs;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(func2(data3) < 1){
const err3 = {instancePath:instancePath+"/packs/" + i0,schemaPath:"#/properties/packs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/packs/" + i0,schemaPath:"#/properties/packs/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
let i1 = data2.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data2[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err5 = {instancePath:instancePath+"/packs",schemaPath:"#/properties/packs/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err6 = {instancePath:instancePath+"/packs",schemaPath:"#/properties/packs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.rules !== undefined){
let data4 = data.rules;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key1 in data4){
const _errs12 = errors;
if(typeof key1 === "string"){
if(func2(key1) < 1){
const err7 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var valid4 = _errs12 === errors;
if(!valid4){
const err8 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
for(const key2 in data4){
let data5 = data4[key2];
if(typeof data5 !== "string"){
const err9 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!(((((data5 === "off") || (data5 === "hint")) || (data5 === "information")) || (data5 === "warning")) || (data5 === "error"))){
const err10 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/enum",keyword:"enum",params:{allowedValues: schema17.properties.rules.additionalProperties.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data["claim-model"] !== undefined){
if(typeof data["claim-model"] !== "boolean"){
const err12 = {instancePath:instancePath+"/claim-model",schemaPath:"#/properties/claim-model/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.ignore !== undefined){
let data7 = data.ignore;
if(Array.isArray(data7)){
const len1 = data7.length;
for(let i2=0; i2<len1; i2++){
let data8 = data7[i2];
if(typeof data8 === "string"){
if(func2(data8) < 1){
const err13 = {instancePath:instancePath+"/ignore/" + i2,schemaPath:"#/properties/ignore/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/ignore/" + i2,schemaPath:"#/properties/ignore/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/ignore",schemaPath:"#/properties/ignore/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.kinds !== undefined){
let data9 = data.kinds;
if(Array.isArray(data9)){
const len2 = data9.length;
for(let i3=0; i3<len2; i3++){
let data10 = data9[i3];
if(typeof data10 !== "string"){
const err16 = {instancePath:instancePath+"/kinds/" + i3,schemaPath:"#/definitions/documentKind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(!(((((((((((((((((((((((data10 === "markdown") || (data10 === "plaintext")) || (data10 === "mdx")) || (data10 === "html")) || (data10 === "vue")) || (data10 === "svelte")) || (data10 === "asciidoc")) || (data10 === "rst")) || (data10 === "gitcommit")) || (data10 === "notebook")) || (data10 === "json")) || (data10 === "yaml")) || (data10 === "typescript")) || (data10 === "typescriptreact")) || (data10 === "javascript")) || (data10 === "javascriptreact")) || (data10 === "python")) || (data10 === "go")) || (data10 === "java")) || (data10 === "csharp")) || (data10 === "rust")) || (data10 === "ruby")) || (data10 === "shellscript"))){
const err17 = {instancePath:instancePath+"/kinds/" + i3,schemaPath:"#/definitions/documentKind/enum",keyword:"enum",params:{allowedValues: schema18.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
let i4 = data9.length;
let j1;
if(i4 > 1){
outer0:
for(;i4--;){
for(j1 = i4; j1--;){
if(func0(data9[i4], data9[j1])){
const err18 = {instancePath:instancePath+"/kinds",schemaPath:"#/properties/kinds/uniqueItems",keyword:"uniqueItems",params:{i: i4, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i4+" are identical)"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err19 = {instancePath:instancePath+"/kinds",schemaPath:"#/properties/kinds/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.readers !== undefined){
let data11 = data.readers;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
for(const key3 in data11){
const _errs29 = errors;
if(typeof key3 === "string"){
if(func2(key3) < 1){
const err20 = {instancePath:instancePath+"/readers",schemaPath:"#/properties/readers/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",propertyName:key3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
var valid12 = _errs29 === errors;
if(!valid12){
const err21 = {instancePath:instancePath+"/readers",schemaPath:"#/properties/readers/propertyNames",keyword:"propertyNames",params:{propertyName: key3},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
for(const key4 in data11){
let data12 = data11[key4];
if(typeof data12 !== "string"){
const err22 = {instancePath:instancePath+"/readers/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/documentKind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(!(((((((((((((((((((((((data12 === "markdown") || (data12 === "plaintext")) || (data12 === "mdx")) || (data12 === "html")) || (data12 === "vue")) || (data12 === "svelte")) || (data12 === "asciidoc")) || (data12 === "rst")) || (data12 === "gitcommit")) || (data12 === "notebook")) || (data12 === "json")) || (data12 === "yaml")) || (data12 === "typescript")) || (data12 === "typescriptreact")) || (data12 === "javascript")) || (data12 === "javascriptreact")) || (data12 === "python")) || (data12 === "go")) || (data12 === "java")) || (data12 === "csharp")) || (data12 === "rust")) || (data12 === "ruby")) || (data12 === "shellscript"))){
const err23 = {instancePath:instancePath+"/readers/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/documentKind/enum",keyword:"enum",params:{allowedValues: schema18.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/readers",schemaPath:"#/properties/readers/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}

