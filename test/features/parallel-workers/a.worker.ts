import { writeTheSameRecordAs } from './same-record.js';

writeTheSameRecordAs('a', 'b');
