import { writeTheSameRecordAs } from './same-record.js';

writeTheSameRecordAs('b', 'a');
