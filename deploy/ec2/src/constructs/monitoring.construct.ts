import {
  Duration,
  RemovalPolicy,
  aws_cloudwatch as cloudwatch,
  aws_cloudwatch_actions as actions,
  aws_logs as logs,
  aws_sns as sns,
  aws_sns_subscriptions as subscriptions,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { EventQueue } from './event-queues.construct';

export interface MonitoringProps {
  envName: string;
  logGroupName: string;
  logRetentionDays: number;
  metricsNamespace: string;
  alarmEmail: string;
  errorAlarmThreshold: number;
  errorAlarmPeriodMinutes: number;
  queues: EventQueue[];
}

/** The metric counting error and fatal log lines (the apps log `"level":"error"` as text). */
export const ERROR_METRIC_NAME = 'LogErrors';

/**
 * The one log group every app ships to, with retention; the seed's "more than 10 errors in
 * 5 minutes" alarm and an alarm per dead-letter queue, both emailed through an SNS topic.
 */
export class Monitoring extends Construct {
  readonly logGroup: logs.LogGroup;
  readonly alarmTopic: sns.Topic;
  readonly errorAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName: props.logGroupName,
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Alarm emails carry alarm names and numbers only; SNS's AWS-managed key cannot be used
    // by CloudWatch alarms, so the topic is not KMS-encrypted (publishing still needs TLS).
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      topicName: `inventory-${props.envName}-alarms`,
      displayName: `Electronic Inventory ${props.envName} alarms`,
      enforceSSL: true,
    });
    this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const notify = new actions.SnsAction(this.alarmTopic);

    const errors = new logs.MetricFilter(this, 'ErrorLines', {
      logGroup: this.logGroup,
      filterPattern: logs.FilterPattern.any(
        logs.FilterPattern.stringValue('$.level', '=', 'error'),
        logs.FilterPattern.stringValue('$.level', '=', 'fatal'),
      ),
      metricNamespace: props.metricsNamespace,
      metricName: ERROR_METRIC_NAME,
      metricValue: '1',
      unit: cloudwatch.Unit.COUNT,
    });
    this.errorAlarm = new cloudwatch.Alarm(this, 'ErrorAlarm', {
      alarmName: `inventory-${props.envName}-errors`,
      alarmDescription: `More than ${props.errorAlarmThreshold} error log lines in ${props.errorAlarmPeriodMinutes} minutes across all services (log group ${props.logGroupName}).`,
      metric: errors.metric({
        statistic: cloudwatch.Stats.SUM,
        period: Duration.minutes(props.errorAlarmPeriodMinutes),
      }),
      threshold: props.errorAlarmThreshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.errorAlarm.addAlarmAction(notify);
    this.errorAlarm.addOkAction(notify);

    for (const { name, deadLetterQueue } of props.queues) {
      const alarm = new cloudwatch.Alarm(this, `${name}-dlq-alarm`, {
        alarmName: `inventory-${props.envName}-${name}-dead-letters`,
        alarmDescription: `Messages in the dead-letter queue of ${name}: an event failed repeatedly and waits for someone to look (deploy/ec2/README.md, "Dead letters").`,
        metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          statistic: cloudwatch.Stats.MAXIMUM,
          period: Duration.minutes(5),
        }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(notify);
    }
  }
}
