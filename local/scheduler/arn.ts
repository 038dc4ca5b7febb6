/** The emulator pretends to be one region of one account; these appear in every ARN it returns. */
const LOCAL_REGION = 'us-east-1';
const LOCAL_ACCOUNT = '000000000000';

export function scheduleArn(groupName: string, name: string): string {
  return `arn:aws:scheduler:${LOCAL_REGION}:${LOCAL_ACCOUNT}:schedule/${groupName}/${name}`;
}

export function scheduleGroupArn(groupName: string): string {
  return `arn:aws:scheduler:${LOCAL_REGION}:${LOCAL_ACCOUNT}:schedule-group/${groupName}`;
}
