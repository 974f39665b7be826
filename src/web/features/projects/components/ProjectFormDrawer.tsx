import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PROJECT_LIBRARIES, PROJECT_STAGES, PROJECT_TYPES, type Project } from '../../../../shared/modules/projects.schemas';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { FormDrawer } from '../../../components/FormDrawer';
import { useSaveForm } from '../../../lib/save-form';
import { useCreateProject, useLeaderUsers, useUpdateProject } from '../api';
import { fenOfWan } from '../money';
import { useUnitOptions } from './bits';
import { EnumSelect } from '../../../components/EnumSelect';

interface Values {
  code: string;
  name: string;
  library: Project['library'];
  types?: Project['types'];
  townshipUnitId: number;
  chainUnitId?: number | null;
  stage: Project['stage'];
  totalWan: number;
  planWan: number;
  plannedStart: Dayjs;
  plannedCompletion: Dayjs;
  plannedProduction: Dayjs;
  leaderUserId?: number | null;
  responsibleUnitId: number;
  responsiblePerson?: string;
  serviceTeamUnitId?: number | null;
  content?: string;
  location?: string;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
// The server names money in fen; the form asks for 万元.
const FIELD_OF: Record<string, string> = { totalInvestmentFen: 'totalWan', annualPlanFen: 'planWan' };

/** The office adds a project to a library or edits one; money is typed in 万元. */
export function ProjectFormDrawer({ project, onClose }: { project?: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? 0);
  const leaders = useLeaderUsers();
  const townships = useUnitOptions(['township']);
  const chains = useUnitOptions(['industry_group']);
  const teams = useUnitOptions(['service_team']);
  const library = Form.useWatch('library', form);

  const initial: Partial<Values> = project
    ? {
        ...project,
        townshipUnitId: project.townshipUnit.id,
        chainUnitId: project.chainUnit?.id ?? null,
        leaderUserId: project.leader?.id ?? null,
        responsibleUnitId: project.responsibleUnit.id,
        serviceTeamUnitId: project.serviceTeamUnit?.id ?? null,
        totalWan: project.totalInvestmentFen / 1_000_000,
        planWan: project.annualPlanFen / 1_000_000,
        plannedStart: dayjs(project.plannedStart),
        plannedCompletion: dayjs(project.plannedCompletion),
        plannedProduction: dayjs(project.plannedProduction),
      }
    : { library: 'three_transformations', stage: 'preliminary', types: [] };

  const bodyOf = (v: Values) => ({
    code: v.code,
    name: v.name,
    library: v.library,
    types: v.library === 'three_transformations' ? (v.types ?? []) : [],
    townshipUnitId: v.townshipUnitId,
    chainUnitId: v.chainUnitId ?? null,
    stage: v.stage,
    totalInvestmentFen: fenOfWan(v.totalWan),
    annualPlanFen: fenOfWan(v.planWan),
    plannedStart: day(v.plannedStart),
    plannedCompletion: day(v.plannedCompletion),
    plannedProduction: day(v.plannedProduction),
    leaderUserId: v.leaderUserId ?? null,
    responsibleUnitId: v.responsibleUnitId,
    responsiblePerson: v.responsiblePerson ?? '',
    serviceTeamUnitId: v.serviceTeamUnitId ?? null,
    content: v.content ?? '',
    location: v.location ?? '',
    enterpriseId: project?.enterprise?.id ?? null,
    lng: project?.lng ?? null,
    lat: project?.lat ?? null,
  });
  const save = useSaveForm(
    form,
    async (v: Values) => {
      if (project) {
        await update.mutateAsync(bodyOf(v));
        return undefined;
      }
      return create.mutateAsync(bodyOf(v));
    },
    {
      rename: FIELD_OF,
      onDone: (created) => {
        onClose();
        if (created) navigate(`/projects/${created.id}`);
      },
    },
  );

  const half = { xs: 24, sm: 12 };
  return (
    <FormDrawer
      title={project ? t('projects.edit') : t('projects.create')}
      form={form}
      save={save}
      onClose={onClose}
      width={760}
      saveTestId="project-save"
      initialValues={initial}
      formTestId="project-form"
    >
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="code" label={t('projects.code')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="stage" label={t('projects.stage')} rules={[{ required: true }]}>
            <EnumSelect values={PROJECT_STAGES} label={(s) => t(`projects.stages.${s}`)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t('projects.name')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="library" label={t('projects.library')} rules={[{ required: true }]}>
            <EnumSelect values={PROJECT_LIBRARIES} label={(l) => t(`projects.libraries.${l}`)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="types" label={t('projects.type')} rules={[{ required: library === 'three_transformations' }]}>
            <EnumSelect mode="multiple" disabled={library !== 'three_transformations'} values={PROJECT_TYPES} label={(x) => t(`projects.types.${x}`)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="townshipUnitId" label={t('projects.township')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={townships} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="chainUnitId" label={t('projects.chain')}>
            <Select allowClear options={chains} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="totalWan" label={t('projects.totalInvestment')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="planWan" label={t('projects.annualPlan')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="plannedStart" label={t('projects.plannedStart')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="plannedCompletion" label={t('projects.plannedCompletion')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="plannedProduction" label={t('projects.plannedProduction')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="leaderUserId" label={t('projects.leader')}>
            <Select allowClear options={(leaders.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="responsibleUnitId" label={t('projects.responsibleUnit')} rules={[{ required: true }]}>
            <UnitTreeSelect />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="responsiblePerson" label={t('projects.responsiblePerson')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="serviceTeamUnitId" label={t('projects.serviceTeam')}>
            <Select allowClear options={teams} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="content" label={t('projects.content')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="location" label={t('projects.location')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormDrawer>
  );
}
